"""Confirm, decline and cancel bookings (late cancellations are recorded as such)."""
from __future__ import annotations

from emotecare.clock import iso_seconds, utc_now
from emotecare.accounts.profiles import load_user
from emotecare.accounts.tokens import Principal
from emotecare.bookings import store
from emotecare.bookings.access import booking_for
from emotecare.bookings.booking import FREE_CANCELLATION
from emotecare.bookings.emails import BookingMail
from emotecare.bookings.views import booking_view
from emotecare.care.relationships import activate_for_booking
from emotecare.errors import ConflictError
from emotecare.fields import Fields, parse_instant
from emotecare.payments.charges import BookingPayments
from emotecare.therapists.approval import require_approved

ACTIVE = ("pending", "confirmed")


def _with_event(details: dict | None, event: dict) -> dict:
    details = dict(details or {})
    details["history"] = [*details.get("history", []), {"at": iso_seconds(utc_now()), **event}]
    return details


def _viewer_tz(principal: Principal) -> str:
    return load_user(principal.user_id).time_zone


def confirm_booking(mail: BookingMail, therapist: Principal, booking_id: str) -> dict:
    booking = booking_for(therapist, booking_id, as_role="therapist")
    require_approved(therapist.user_id)
    if booking.status != "pending":
        raise ConflictError(f"only pending bookings can be confirmed; this one is {booking.status}")
    store.set_status(booking, "confirmed", _with_event(booking.details, {"event": "confirmed"}),
                     allowed_from=("pending",))
    booking.status = "confirmed"
    activate_for_booking(booking, therapist)  # a confirmed booking starts (or accepts) care
    mail.confirmed(booking)
    return booking_view(booking, _viewer_tz(therapist))


def decline_booking(mail: BookingMail, therapist: Principal, booking_id: str, body: dict,
                    payments: BookingPayments) -> dict:
    reason = Fields(body, ("reason",)).text("reason", max_len=500)
    booking = booking_for(therapist, booking_id, as_role="therapist")
    if booking.status != "pending":
        raise ConflictError(f"only pending bookings can be declined; this one is {booking.status}")
    details = _with_event(booking.details, {"event": "declined", "reason": reason})
    details["decline_reason"] = reason
    store.end_booking(booking, "declined", details, allowed_from=("pending",))
    payments.booking_ended(booking)
    mail.declined(booking, reason)
    return booking_view(booking, _viewer_tz(therapist))


def cancel_booking(mail: BookingMail, principal: Principal, booking_id: str, body: dict,
                   payments: BookingPayments) -> dict:
    """Cancel; a patient cancelling less than 24 h before is recorded as `late_cancelled`
    (and pays the therapist's late fee when the booking is paid)."""
    reason = Fields(body, ("reason",)).text("reason", max_len=500, min_len=0, default="")
    booking = booking_for(principal, booking_id)
    if booking.status not in ACTIVE:
        raise ConflictError(f"this booking is already {booking.status}")
    starts_at = parse_instant(booking.starts_at, "starts_at")
    now = utc_now()
    if starts_at <= now:
        raise ConflictError("the session has already started")
    side = "patient" if principal.user_id == booking.patient_id else "therapist"
    late = side == "patient" and starts_at - now < FREE_CANCELLATION
    status = "late_cancelled" if late else "cancelled"
    details = _with_event(booking.details, {"event": status, "by": side, "reason": reason})
    details.update(cancelled_by=side, cancel_reason=reason)
    store.end_booking(booking, status, details, allowed_from=ACTIVE)
    payments.booking_ended(booking)
    mail.cancelled(booking, side, reason)
    return booking_view(booking, _viewer_tz(principal))
