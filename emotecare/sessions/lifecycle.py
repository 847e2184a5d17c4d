"""A session's life: booked → joinable (10 min before) → in_progress → ended, or no_show.

Only the session's patient, its therapist and the people the patient invited to a couple or
family booking (up to five, matched by their verified e-mail) may see or join it; anybody
else is told it does not exist. Transitions are conditional writes, so two participants joining at once or a
join racing an end cannot leave the session in a state the rules do not allow.
"""
from __future__ import annotations

import uuid
from datetime import timedelta

from pynamodb.exceptions import PutError, UpdateError

from emotecare.accounts.tokens import Principal
from emotecare.clock import iso, parse_iso, utc_now
from emotecare.db.models import Booking, Session, User
from emotecare.errors import ConflictError, ForbiddenError, NotFoundError

JOINABLE_BEFORE = timedelta(minutes=10)
NO_SHOW_AFTER = timedelta(minutes=15)  # nobody joined this long after the start
THERAPY, SELF_REFLECT = "therapy", "self_reflect"
OPEN_STATES = ("booked", "joinable", "in_progress")


def load_session_for(user: Principal, session_id: str) -> Session:
    """The session if `user` takes part in it; `NotFoundError` otherwise."""
    try:
        session = Session.get(session_id)
    except Session.DoesNotExist as exc:
        raise NotFoundError("no such session") from exc
    if part_of(user, session) is None:
        raise NotFoundError("no such session")
    return session


def part_of(user: Principal, session: Session) -> str | None:
    """"patient", "therapist" or "invitee" (invited to its couple or family booking); None."""
    if user.user_id == session.patient_id:
        return "patient"
    if session.therapist_id and user.user_id == session.therapist_id:
        return "therapist"
    if user.role == "patient" and user.email and user.email.lower() in _booking_facts(session)[2]:
        return "invitee"
    return None


def scheduled_start(session: Session) -> str | None:
    """When the session is booked to start: the booking's time (it may have been moved)."""
    return _booking_facts(session)[0]


def _booking_facts(session: Session) -> tuple[str | None, str | None, tuple[str, ...]]:
    """(start, booking status, invited e-mails), read once per loaded session; the booking is
    the source of truth."""
    if not hasattr(session, "_booking_facts"):
        facts = (session.starts_at, None, ())
        if session.booking_id:
            try:
                booking = Booking.get(session.booking_id,
                                      attributes_to_get=["starts_at", "status", "details"])
                invited = tuple(e.lower() for e in (booking.details or {}).get("participants", []))
                facts = (booking.starts_at, booking.status, invited)
            except Booking.DoesNotExist:  # rows made before bookings existed carry their start
                pass
        session._booking_facts = facts
    return session._booking_facts


def current_state(session: Session) -> str:
    """The state as of now: a booked session becomes joinable, or a no-show, with the clock."""
    start = scheduled_start(session)
    if session.state not in ("booked", "joinable") or not start:
        return session.state
    now, starts = utc_now(), parse_iso(start)
    if now > starts + NO_SHOW_AFTER:
        return "no_show"
    return "joinable" if now >= starts - JOINABLE_BEFORE else "booked"


def describe(session: Session) -> dict:
    """The session as the API shows it."""
    return {
        "session_id": session.session_id, "kind": session.kind, "state": current_state(session),
        "analysis_on": bool(session.analysis_on), "booking_id": session.booking_id,
        "patient_id": session.patient_id, "therapist_id": session.therapist_id,
        "starts_at": scheduled_start(session), "started_at": session.started_at,
        "ended_at": session.ended_at,
        "consent_log": [{"analysis_on": c.analysis_on, "at": c.at,
                         "user_id": c.user_id or session.patient_id} for c in session.consent_log],
        "invited": len(_booking_facts(session)[2]),
    }


def people_in(session: Session) -> dict:
    """Who takes part, by name (the room's labels): the patient, the therapist, and each
    invitee who has joined or switched analysis on, with whether their own switch is on."""
    ids = [session.patient_id, *([session.therapist_id] if session.therapist_id else [])]
    ids += sorted((set(session.joined or ()) | set(session.invitee_consent or ())) - set(ids))
    names = {u.user_id: u.name for u in User.batch_get(ids, attributes_to_get=["user_id", "name"])}
    role = {session.patient_id: "patient", session.therapist_id: "therapist"}
    return {"people": [{"user_id": i, "name": names.get(i, ""), "role": role.get(i, "invitee"),
                        "analysis_on": session.consents(i), "in_room": i in (session.joined or ())}
                       for i in ids]}


def join_session(user: Principal, session_id: str) -> dict:
    """Enter the session room; the first join starts the session."""
    session = load_session_for(user, session_id)
    state = current_state(session)
    if state == "booked":
        raise ConflictError(f"the session opens 10 minutes before {scheduled_start(session)}")
    if state not in ("joinable", "in_progress"):
        raise ConflictError(f"the session is {state.replace('_', ' ')}")
    if _booking_facts(session)[1] == "pending":
        raise ConflictError("the therapist has not confirmed this booking yet")
    actions = [Session.state.set("in_progress"), Session.joined.add({user.user_id})]
    if session.started_at is None:
        actions.append(Session.started_at.set(iso(utc_now())))
    _update(session, actions, Session.state.is_in(*OPEN_STATES))
    return describe(session)


def leave_session(user: Principal, session_id: str) -> dict:
    """Leave the room; the session stays in progress so either side can come back."""
    session = load_session_for(user, session_id)
    if session.joined and user.user_id in session.joined:
        _update(session, [Session.joined.delete({user.user_id})])
    return describe(session)


def end_session(user: Principal, session_id: str, on_ended=None) -> dict:
    """End the session (its therapist; the patient for self-reflect sessions).

    `on_ended(session)` runs once, after the session is ended (payments capture the fee)."""
    session = load_session_for(user, session_id)
    owner = session.patient_id if session.kind == SELF_REFLECT else session.therapist_id
    if user.user_id != owner:
        raise ForbiddenError("only the session's therapist can end it")
    if session.state == "ended":
        return describe(session)
    if current_state(session) not in OPEN_STATES:
        raise ConflictError(f"the session is {current_state(session).replace('_', ' ')}")
    _update(session, [Session.state.set("ended"), Session.ended_at.set(iso(utc_now()))],
            Session.state.is_in(*OPEN_STATES))
    if on_ended is not None:
        on_ended(session)
    return describe(session)


def start_self_reflect(user: Principal) -> dict:
    """A new self-reflect session: the patient alone, in progress, analysis off until switched on."""
    now = iso(utc_now())
    session = Session(str(uuid.uuid4()), kind=SELF_REFLECT, patient_id=user.user_id,
                      state="in_progress", created_at=now, started_at=now, starts_at=now,
                      joined={user.user_id})
    try:
        session.save(condition=Session.session_id.does_not_exist())
    except PutError as exc:  # a uuid4 collision; never silently overwrite a session
        raise ConflictError("could not create the session, try again") from exc
    return describe(session)


def _update(session: Session, actions: list, condition=None) -> None:
    try:
        session.update(actions=actions, condition=condition)
    except UpdateError as exc:
        if _condition_failed(exc):
            session.refresh()
            raise ConflictError(f"the session is {current_state(session).replace('_', ' ')}") from exc
        raise


def _condition_failed(exc: Exception) -> bool:
    cause = getattr(exc, "cause_response_code", None)
    return cause == "ConditionalCheckFailedException"
