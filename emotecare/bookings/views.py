"""Bookings as the API shows them, and the upcoming / past lists of either side."""
from __future__ import annotations


from zoneinfo import ZoneInfo

from pynamodb.exceptions import DoesNotExist

from emotecare.clock import iso_seconds, utc_now
from emotecare.accounts.profiles import load_user
from emotecare.accounts.tokens import Principal
from emotecare.care.relationships import latest_by_patient, was_confirmed
from emotecare.db.models import Booking, Session, User
from emotecare.fields import Fields, parse_instant
from emotecare.therapists.slots import SESSION_LENGTH

LIST_LIMIT = 100


def _session_state(booking: Booking) -> str | None:
    if not booking.session_id:
        return None
    try:
        return Session.get(booking.session_id, attributes_to_get=["state"]).state
    except DoesNotExist:
        return None


def booking_view(booking: Booking, viewer_tz: str, names: dict[str, str] | None = None) -> dict:
    zone = ZoneInfo(viewer_tz or "UTC")
    details = booking.details or {}
    view = {
        "booking_id": booking.booking_id, "therapist_id": booking.therapist_id,
        "patient_id": booking.patient_id, "starts_at": booking.starts_at,
        "ends_at": booking.ends_at, "status": booking.status,
        "local_start": parse_instant(booking.starts_at, "s").astimezone(zone).isoformat(),
        "local_end": parse_instant(booking.ends_at, "e").astimezone(zone).isoformat(),
        "tz": viewer_tz, "therapy_type": details.get("therapy_type"),
        "message": details.get("message", ""), "participants": details.get("participants", []),
        "session_id": booking.session_id, "session_state": _session_state(booking),
        "history": details.get("history", []),
    }
    for key in ("decline_reason", "cancel_reason", "cancelled_by"):
        if key in details:
            view[key] = details[key]
    if names is not None:
        view["therapist_name"] = names.get(booking.therapist_id, "")
        view["patient_name"] = names.get(booking.patient_id, "")
    return view


def _names(user_ids: set[str]) -> dict[str, str]:
    if not user_ids:
        return {}
    return {u.user_id: u.name for u in User.batch_get(list(user_ids),
                                                        attributes_to_get=["user_id", "name"])}


def list_bookings(principal: Principal, query: dict) -> dict:
    """The caller's bookings: `upcoming` (not yet ended, soonest first) or `past` (latest first)."""
    scope = Fields(query, ("scope",)).choice("scope", ("upcoming", "past"),
                                                  default="upcoming")
    user = load_user(principal.user_id)
    index = Booking.by_therapist if principal.role == "therapist" else Booking.by_patient
    # A session still running counts as upcoming until it ends.
    boundary = iso_seconds(utc_now() - SESSION_LENGTH)
    if scope == "upcoming":
        found = index.query(principal.user_id, Booking.starts_at > boundary, limit=LIST_LIMIT)
    else:
        found = index.query(principal.user_id, Booking.starts_at <= boundary,
                            scan_index_forward=False, limit=LIST_LIMIT)
    bookings = list(found)
    names = _names({b.therapist_id for b in bookings} | {b.patient_id for b in bookings})
    return {"scope": scope, "bookings": [booking_view(b, user.time_zone, names)
                                         for b in bookings]}


def _patient_entry(patient_id: str) -> dict:
    return {"patient_id": patient_id, "next_session": None, "last_session": None,
            "bookings": 0, "care": None}


def patients_of(therapist: Principal) -> dict:
    """The patients who booked or asked for this therapist, with their next and last session
    and the state of their care (`requested`, `active`, `ended`, or None: only a booking
    request so far, which grants nothing until confirmed)."""
    now = iso_seconds(utc_now())
    seen: dict[str, dict] = {}
    care = latest_by_patient(therapist.user_id)
    for patient_id, record in care.items():
        if record.state != "declined":
            seen[patient_id] = {**_patient_entry(patient_id), "care": record.state}
    for booking in Booking.by_therapist.query(therapist.user_id):
        if booking.status == "declined":
            continue
        entry = seen.setdefault(booking.patient_id, _patient_entry(booking.patient_id))
        if booking.patient_id not in care and was_confirmed(booking):
            entry["care"] = "active"  # confirmed before relationships were recorded
        entry["bookings"] += 1
        active = booking.status in ("pending", "confirmed")
        if booking.starts_at >= now and active and entry["next_session"] is None:
            entry["next_session"] = booking.starts_at
        if booking.starts_at < now:
            entry["last_session"] = booking.starts_at
    names = _names(set(seen))
    patients = [{**entry, "name": names.get(pid, "")} for pid, entry in seen.items()
                if pid in names]  # a deleted account leaves no name and is not listed
    patients.sort(key=lambda p: p["name"])
    return {"patients": patients}




def get_booking(principal: Principal, booking_id: str) -> dict:
    from emotecare.bookings.access import booking_for

    booking = booking_for(principal, booking_id)
    user = load_user(principal.user_id)
    return booking_view(booking, user.time_zone,
                        _names({booking.therapist_id, booking.patient_id}))


def invite_ics(principal: Principal, booking_id: str, app_url: str) -> str:
    """The booking's calendar invite (`text/calendar`), cancelled ones as METHOD:CANCEL."""
    from emotecare.bookings.access import booking_for
    from emotecare.bookings.emails import booking_invite, parties

    booking = booking_for(principal, booking_id)
    patient, therapist = parties(booking)
    return booking_invite(booking, patient, therapist, app_url,
                          cancelled=booking.status not in ("pending", "confirmed"))
