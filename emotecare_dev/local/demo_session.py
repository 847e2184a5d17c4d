"""A confirmed demo booking that starts in a minute or two, so a two-window session can be tried now.

Real bookings only take the therapist's future slots, and the room opens 10 minutes before
the start, so someone trying EmoteCare locally would otherwise wait up to an hour. This is
for the local stage only: it writes the booking and its session through the bookings store
(the same transaction and slot claims as a real booking) between two seeded demo users.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from emotecare.clock import iso_seconds, utc_now
from emotecare.accounts.tokens import Principal
from emotecare.bookings import store
from emotecare.care.relationships import activate_for_booking
from emotecare.db.models import Booking, Session, User
from emotecare.errors import NotFoundError, ValidationError
from emotecare.settings import Settings
from emotecare.therapists.slots import SESSION_LENGTH


@dataclass(frozen=True)
class DemoSession:
    booking_id: str
    session_id: str
    starts_at: str
    patient_email: str
    therapist_email: str


def _user(email: str) -> User:
    found = list(User.by_email.query(email, limit=1))
    if not found:
        raise NotFoundError(f"no account {email}: start the stack with its demo users (no --no-seed)")
    return found[0]


def create_demo_session(settings: Settings, patient_email: str, therapist_email: str,
                        in_minutes: int = 1) -> DemoSession:
    """Book and confirm a session between two existing accounts, starting `in_minutes` from now."""
    if settings.stage != "local":
        raise ValidationError("demo sessions exist only on the local stack", field="stage")
    patient, therapist = _user(patient_email), _user(therapist_email)
    if patient.role != "patient" or therapist.role != "therapist":
        raise ValidationError("need a patient and a therapist account", field="email")
    now = utc_now()
    starts = (now + timedelta(minutes=in_minutes)).replace(second=0, microsecond=0)
    booking_id, session_id = str(uuid.uuid4()), str(uuid.uuid4())
    history = [{"at": iso_seconds(now), "event": "requested"}, {"at": iso_seconds(now), "event": "confirmed"}]
    booking = Booking(
        booking_id, therapist_id=therapist.user_id, patient_id=patient.user_id,
        starts_at=iso_seconds(starts), ends_at=iso_seconds(starts + SESSION_LENGTH), start_day=iso_seconds(starts)[:10],
        status="confirmed", session_id=session_id,
        details={"therapy_type": "individual", "message": "Demo session (emotecare demo-session)",
                 "participants": [], "sequence": 0, "created_at": iso_seconds(now), "history": history})
    session = Session(session_id, kind="therapy", patient_id=patient.user_id,
                      therapist_id=therapist.user_id, booking_id=booking_id, state="booked",
                      created_at=iso_seconds(now))
    store.insert_booking(booking, session)
    # Confirmed as if by the therapist: their care of the patient is active from now.
    activate_for_booking(booking, Principal(therapist.user_id, therapist.email, "therapist"))
    return DemoSession(booking_id, session_id, iso_seconds(starts), patient.email, therapist.email)
