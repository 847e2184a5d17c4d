"""Care relationships: the record of who is whose therapist, and every change to it.

A patient requests a therapist (`PUT /me/therapist`); the relationship becomes active when
the therapist accepts the request or confirms one of the patient's bookings. It ends when
the patient switches to another therapist or ends it, or when the therapist discharges the
patient; a request the therapist declines grants nothing. Every change is kept in the
record's history (state, who, when, why); a new request after an ending is a new record, so
each period of care stays on file.

What a relationship lets a therapist read is decided in `emotecare.care.access`.
"""
from __future__ import annotations

from dataclasses import dataclass

from pynamodb.exceptions import UpdateError

from emotecare.accounts.tokens import Principal
from emotecare.clock import iso, utc_now
from emotecare.db.care import CareRelationship
from emotecare.db.models import Booking, Therapist, User
from emotecare.errors import ConflictError, NotFoundError

REQUESTED, ACTIVE, ENDED, DECLINED = "requested", "active", "ended", "declined"
OPEN_STATES = (REQUESTED, ACTIVE)


@dataclass(frozen=True)
class Actor:
    """Who made a change: a person (id and role) or the platform itself."""

    user_id: str
    role: str

    @classmethod
    def of(cls, principal: Principal) -> "Actor":
        return cls(principal.user_id, principal.role)


def pair_records(patient_id: str, therapist_id: str) -> list[CareRelationship]:
    """The pair's records, oldest request first."""
    return list(CareRelationship.query(
        patient_id, CareRelationship.relationship_key.startswith(f"{therapist_id}#")))


def patient_records(patient_id: str) -> list[CareRelationship]:
    return sorted(CareRelationship.query(patient_id), key=lambda r: r.requested_at)


def therapist_records(therapist_id: str) -> list[CareRelationship]:
    return list(CareRelationship.by_therapist.query(therapist_id))


def was_confirmed(booking: Booking) -> bool:
    """Whether the therapist ever confirmed this booking (a later cancellation aside)."""
    if booking.status == "confirmed":
        return True
    history = (booking.details or {}).get("history", [])
    return booking.status in ("cancelled", "late_cancelled") and any(
        event.get("event") == "confirmed" for event in history)


def confirmed_without_record(patient_id: str) -> set[str]:
    """Therapists who confirmed a booking of the patient but have no relationship record:
    bookings made before relationships were recorded, which count as active care until the
    first change writes a record for the pair."""
    confirmed = {b.therapist_id for b in Booking.by_patient.query(patient_id) if was_confirmed(b)}
    recorded = {r.therapist_id for r in patient_records(patient_id)}
    return confirmed - recorded


def relationship_view(record: CareRelationship) -> dict:
    return {"patient_id": record.patient_id, "therapist_id": record.therapist_id,
            "state": record.state, "requested_at": record.requested_at,
            "active_from": record.active_from, "ended_at": record.ended_at,
            "history": list(record.history or [])}


def _event(state: str, actor: Actor, reason: str, at: str) -> dict:
    return {"state": state, "by": actor.user_id, "by_role": actor.role, "at": at,
            "reason": reason}


def _new_record(patient_id: str, therapist_id: str, state: str, actor: Actor, reason: str,
                now: str) -> CareRelationship:
    record = CareRelationship(
        patient_id, f"{therapist_id}#{now}", therapist_id=therapist_id, state=state,
        requested_at=now, active_from=now if state == ACTIVE else None,
        ended_at=now if state == ENDED else None, history=[_event(state, actor, reason, now)])
    record.save(condition=CareRelationship.relationship_key.does_not_exist())
    return record


def _change(record: CareRelationship, state: str, actor: Actor, reason: str) -> CareRelationship:
    """Move `record` to `state` if nobody changed it since it was read (409 otherwise)."""
    now = iso(utc_now())
    actions = [CareRelationship.state.set(state),
               CareRelationship.history.set([*(record.history or []),
                                             _event(state, actor, reason, now)])]
    if state == ACTIVE:
        actions.append(CareRelationship.active_from.set(now))
    if state in (ENDED, DECLINED):
        actions.append(CareRelationship.ended_at.set(now))
    try:
        record.update(actions=actions, condition=CareRelationship.state == record.state)
    except UpdateError as exc:
        if exc.cause_response_code == "ConditionalCheckFailedException":
            raise ConflictError("this care relationship changed meanwhile; reload") from exc
        raise
    return record


def _open_record(patient_id: str, therapist_id: str) -> CareRelationship | None:
    return next((r for r in reversed(pair_records(patient_id, therapist_id))
                 if r.state in OPEN_STATES), None)


def _end_all_except(patient_id: str, keep_therapist_id: str, actor: Actor, reason: str) -> None:
    """End the patient's open relationships with every therapist but `keep_therapist_id`."""
    for record in patient_records(patient_id):
        if record.therapist_id != keep_therapist_id and record.state in OPEN_STATES:
            _change(record, ENDED, actor, reason)
    now = iso(utc_now())
    for therapist_id in confirmed_without_record(patient_id) - {keep_therapist_id}:
        _new_record(patient_id, therapist_id, ENDED, actor, reason, now)


def request_care(patient: Principal, therapist_id: str) -> CareRelationship:
    """The patient asks `therapist_id` to take them on; any other therapist's care ends.

    Asking the therapist they already have (or have asked) changes nothing.
    """
    actor = Actor.of(patient)
    _end_all_except(patient.user_id, therapist_id, actor, "switched therapist")
    current = _open_record(patient.user_id, therapist_id)
    if current is not None:
        return current
    state = ACTIVE if therapist_id in confirmed_without_record(patient.user_id) else REQUESTED
    return _new_record(patient.user_id, therapist_id, state, actor, "chosen by the patient",
                       iso(utc_now()))


def activate_for_booking(booking: Booking, therapist: Principal) -> CareRelationship:
    """A confirmed booking makes the pair's care active (accepting any open request)."""
    current = _open_record(booking.patient_id, booking.therapist_id)
    actor = Actor.of(therapist)
    if current is None:
        return _new_record(booking.patient_id, booking.therapist_id, ACTIVE, actor,
                           "confirmed a booking", iso(utc_now()))
    if current.state == REQUESTED:
        return _change(current, ACTIVE, actor, "confirmed a booking")
    return current


def _requested_of(therapist: Principal, patient_id: str, states: tuple[str, ...]) -> CareRelationship:
    record = _open_record(patient_id, therapist.user_id) if 0 < len(patient_id) <= 64 else None
    if record is None or record.state not in states:
        raise NotFoundError("no such request" if states == (REQUESTED,) else "no such patient")
    return record


def accept(therapist: Principal, patient_id: str) -> CareRelationship:
    record = _requested_of(therapist, patient_id, (REQUESTED,))
    return _change(record, ACTIVE, Actor.of(therapist), "accepted the request")


def decline(therapist: Principal, patient_id: str, reason: str) -> CareRelationship:
    record = _requested_of(therapist, patient_id, (REQUESTED,))
    return _change(record, DECLINED, Actor.of(therapist), reason or "declined the request")


def discharge(therapist: Principal, patient_id: str, reason: str) -> CareRelationship:
    """The therapist ends active care (records stay theirs; newer data stops reaching them)."""
    if 0 < len(patient_id) <= 64 and therapist.user_id in confirmed_without_record(patient_id):
        record = _new_record(patient_id, therapist.user_id, ENDED, Actor.of(therapist),
                             reason or "discharged", iso(utc_now()))
    else:
        record = _change(_requested_of(therapist, patient_id, (ACTIVE,)), ENDED,
                         Actor.of(therapist), reason or "discharged")
    _forget_choice(patient_id, therapist.user_id)
    return record


def end_by_patient(patient: Principal, therapist_id: str) -> CareRelationship:
    """The patient ends (or withdraws their request for) care with `therapist_id`."""
    actor = Actor.of(patient)
    if therapist_id in confirmed_without_record(patient.user_id):
        record = _new_record(patient.user_id, therapist_id, ENDED, actor, "ended by the patient",
                             iso(utc_now()))
    else:
        record = _open_record(patient.user_id, therapist_id) if 0 < len(therapist_id) <= 64 else None
        if record is None:
            raise NotFoundError("no care with this therapist to end")
        record = _change(record, ENDED, actor, "ended by the patient")
    _forget_choice(patient.user_id, therapist_id)
    return record


def _forget_choice(patient_id: str, therapist_id: str) -> None:
    """The profile's "current therapist" is cleared when that care ends."""
    user = User.get(patient_id)
    profile = dict(user.profile or {})
    if profile.get("therapist_id") == therapist_id:
        profile["therapist_id"] = None
        user.update(actions=[User.profile.set(profile)])


def names(user_ids: set[str]) -> dict[str, str]:
    """Display names: a therapist's public name, else the account's name."""
    if not user_ids:
        return {}
    found = {u.user_id: u.name or "" for u in User.batch_get(list(user_ids))}
    for therapist in Therapist.batch_get([uid for uid in found]):
        name = (therapist.profile or {}).get("name")
        if name:
            found[therapist.therapist_id] = name
    return found


def my_care(patient: Principal) -> dict:
    """`GET /me/care`: the patient's relationships, newest request first, with names."""
    records = patient_records(patient.user_id)
    legacy = confirmed_without_record(patient.user_id)
    people = names({r.therapist_id for r in records} | legacy)
    listed = [{**relationship_view(r), "therapist_name": people.get(r.therapist_id, "")}
              for r in reversed(records)]
    listed += [{"patient_id": patient.user_id, "therapist_id": tid, "state": ACTIVE,
                "requested_at": None, "active_from": None, "ended_at": None, "history": [],
                "therapist_name": people.get(tid, "")} for tid in sorted(legacy)]
    return {"relationships": listed}


def latest_by_patient(therapist_id: str) -> dict[str, CareRelationship]:
    """The therapist's latest relationship record with each patient."""
    latest: dict[str, CareRelationship] = {}
    for record in sorted(therapist_records(therapist_id), key=lambda r: r.requested_at):
        latest[record.patient_id] = record
    return latest
