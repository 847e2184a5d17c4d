"""Book a slot and move it: validation, the slot check, then one atomic write."""
from __future__ import annotations

import uuid
from datetime import timedelta

from emotecare.clock import iso_seconds, utc_now
from emotecare.accounts.profiles import load_user
from emotecare.accounts.tokens import Principal
from emotecare.bookings import store
from emotecare.bookings.access import booking_for
from emotecare.bookings.emails import BookingMail
from emotecare.bookings.views import booking_view
from emotecare.db.models import Booking, Session
from emotecare.errors import ConflictError
from emotecare.fields import Fields, parse_email, parse_instant
from emotecare.errors import EmoteCareError
from emotecare.payments.charges import PAYMENT_FIELDS, BookingPayments, plan_payment
from emotecare.therapists.licensing import require_licensed_for
from emotecare.therapists.profiles import THERAPY_TYPES, approved_therapist
from emotecare.therapists.slots import SESSION_LENGTH, is_offered_slot

FREE_CANCELLATION = timedelta(hours=24)
MAX_PARTICIPANTS = {"individual": 0, "couple": 1, "family": 5}


def _participants(f: Fields, therapy_type: str, patient_email: str) -> list[str]:
    emails = f.items("participants", parse_email, max_items=5, default=[])
    emails = list(dict.fromkeys(emails))
    limit = MAX_PARTICIPANTS[therapy_type]
    if therapy_type == "individual" and emails:
        raise f.fail("participants", "individual sessions have no other participants")
    if therapy_type != "individual" and not 1 <= len(emails) <= limit:
        raise f.fail("participants", f"a {therapy_type} session invites 1 to {limit} people")
    if patient_email.lower() in emails:
        raise f.fail("participants", "do not invite yourself")
    return emails


def _start_of(f: Fields, therapist, field: str = "starts_at"):
    starts_at = f.instant(field)
    if starts_at <= utc_now():
        raise f.fail(field, "is in the past")
    if not is_offered_slot(therapist, starts_at):
        raise f.fail(field, "is not one of the therapist's slots: see "
                            f"/therapists/{therapist.therapist_id}/slots")
    return starts_at


def create_booking(mail: BookingMail, patient: Principal, body: dict,
                   payments: BookingPayments) -> dict:
    """Book a therapist's free slot; exactly one of any concurrent bookings of it succeeds,
    and only that one holds the price on the patient's card."""
    f = Fields(body, ("therapist_id", "starts_at", "therapy_type", "message", "participants",
                      *PAYMENT_FIELDS))
    therapist = approved_therapist(f.text("therapist_id", max_len=64), field="therapist_id")
    therapy_type = f.choice("therapy_type", THERAPY_TYPES, default="individual")
    if therapy_type not in (therapist.profile or {}).get("therapy_types", []):
        raise f.fail("therapy_type", f"this therapist does not offer {therapy_type} sessions")
    message = f.text("message", max_len=1000, min_len=0, default="")
    patient_user = load_user(patient.user_id)
    require_licensed_for(therapist, patient_user)
    participants = _participants(f, therapy_type, patient_user.email)
    starts_at = _start_of(f, therapist)
    payment_plan = plan_payment(therapist, patient, body)
    now = iso_seconds(utc_now())
    booking_id, session_id = str(uuid.uuid4()), str(uuid.uuid4())
    booking = Booking(
        booking_id, therapist_id=therapist.therapist_id, patient_id=patient.user_id,
        starts_at=iso_seconds(starts_at), ends_at=iso_seconds(starts_at + SESSION_LENGTH),
        start_day=iso_seconds(starts_at)[:10], status="pending", session_id=session_id,
        details={"therapy_type": therapy_type, "message": message, "participants": participants,
                 "sequence": 0, "created_at": now, "history": [{"at": now, "event": "requested"}]})
    session = Session(session_id, kind="therapy", patient_id=patient.user_id,
                      therapist_id=therapist.therapist_id, booking_id=booking_id, state="booked",
                      created_at=now)
    store.insert_booking(booking, session)
    try:
        payments.authorise(booking, payment_plan)  # after the claim: losers hold nothing
    except EmoteCareError:
        store.end_booking(booking, "payment_failed", booking.details, allowed_from=("pending",))
        raise
    mail.requested(booking)
    return booking_view(booking, patient_user.time_zone)


def reschedule_booking(mail: BookingMail, patient: Principal, booking_id: str,
                       body: dict) -> dict:
    """Move a booking to another free slot (free until 24 h before); it needs confirming again."""
    booking = booking_for(patient, booking_id, as_role="patient")
    f = Fields(body, ("starts_at",))
    if booking.status not in ("pending", "confirmed"):
        raise ConflictError(f"a {booking.status} booking cannot be moved")
    if parse_instant(booking.starts_at, "starts_at") - utc_now() < FREE_CANCELLATION:
        raise ConflictError("less than 24 hours before the session: cancel it instead")
    therapist = approved_therapist(booking.therapist_id)
    starts_at = _start_of(f, therapist)
    if iso_seconds(starts_at) == booking.starts_at:
        raise f.fail("starts_at", "is the booking's current time")
    previous = booking.starts_at
    details = dict(booking.details or {})
    details["sequence"] = int(details.get("sequence", 0)) + 1
    details["history"] = [*details.get("history", []), {
        "at": iso_seconds(utc_now()), "event": "rescheduled", "from": previous,
        "to": iso_seconds(starts_at)}]
    store.move_booking(booking, starts_at, starts_at + SESSION_LENGTH, details)
    mail.rescheduled(booking, previous)
    return booking_view(booking, load_user(patient.user_id).time_zone)
