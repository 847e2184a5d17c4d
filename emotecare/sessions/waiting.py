"""The waiting room: who is in a session room now, waiting for the caller (issue #18).

Joining records the participant in the session's `joined` set (see `lifecycle`). The other
side's Today/dashboard page polls `GET /waiting-room` and shows "Sam is waiting". Sessions
are found by key from the caller's bookings that start around now (the bookings'
`by-patient` / `by-therapist` indexes), never by scanning.
"""
from __future__ import annotations

from datetime import timedelta

from emotecare.accounts.tokens import Principal
from emotecare.clock import iso, utc_now
from emotecare.db.models import Booking, Session, User
from emotecare.sessions.lifecycle import current_state

# A room opens 10 minutes before the start; a session is over well within two hours.
LOOK_BACK, LOOK_AHEAD = timedelta(hours=2), timedelta(minutes=15)
_GONE = frozenset({"cancelled", "late_cancelled", "declined"})


def waiting_for(caller: Principal) -> dict:
    """`GET /waiting-room`: sessions where the other participant is in the room and the caller is not."""
    now = utc_now()
    index = Booking.by_therapist if caller.role == "therapist" else Booking.by_patient
    bookings = [b for b in index.query(caller.user_id, Booking.starts_at.between(
        iso(now - LOOK_BACK), iso(now + LOOK_AHEAD))) if b.session_id and b.status not in _GONE]
    if not bookings:
        return {"waiting": []}
    # The booking's start is the source of truth (a reschedule moves it, not the session row).
    starts = {b.session_id: b.starts_at for b in bookings}
    sessions = Session.batch_get(list(starts))
    waiting = []
    for session in sessions:
        joined = set(session.joined or ())
        other = session.therapist_id if caller.role == "patient" else session.patient_id
        if (other in joined and caller.user_id not in joined
                and current_state(session) in ("joinable", "in_progress")):
            waiting.append((session, other))
    names = {u.user_id: u.name for u in User.batch_get([o for _, o in waiting])} if waiting else {}
    return {"waiting": [{"session_id": s.session_id, "booking_id": s.booking_id,
                         "starts_at": starts.get(s.session_id, s.starts_at),
                         "who": {"user_id": other, "name": names.get(other, ""),
                                 "role": "therapist" if caller.role == "patient" else "patient"}}
                        for s, other in waiting]}
