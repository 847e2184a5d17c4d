"""The one place that decides who may read or change a patient's clinical data.

Clinical data is the plan, PHQ-9/GAD-7 answers, trends, reports, session feeds and
summaries, journal moods in reports, and messaging. Rules:
- the patient reads all of their own;
- a therapist reads it only while their care relationship with the patient is active
  (`emotecare.care.relationships`); a request not yet accepted, a booking not yet confirmed,
  a cancelled-before-confirmation or declined request grant nothing;
- after the care ended the therapist keeps reading their own notes and what is dated inside
  a period of active care (a report of a week inside it, a session held in it), nothing
  newer; the live views (plan, questionnaires, trends, feed) answer 404 and messaging is
  read-only;
- admins read no clinical data; everyone else is told the patient does not exist (404), so
  ids cannot be probed.
Every read by someone other than the patient is recorded in the patient's access log.
"""
from __future__ import annotations

from dataclasses import dataclass

from emotecare.accounts.tokens import Principal
from emotecare.care import access_log
from emotecare.care.relationships import (
    ACTIVE,
    confirmed_without_record,
    pair_records,
    patient_records,
)
from emotecare.db.models import Booking, Session, User
from emotecare.errors import ForbiddenError, NotFoundError

ME = "me"


@dataclass(frozen=True)
class CareAccess:
    """What the pair's relationship records say: active now, and the periods of active care."""

    patient_id: str
    therapist_id: str
    active: bool
    periods: tuple[tuple[str | None, str | None], ...]  # (from, until); None = open

    def covers(self, start: str, end: str | None = None) -> bool:
        """Whether [start, end] lies inside one period of active care."""
        end = end or start
        return any((since is None or since <= start) and (until is None or end < until)
                   for since, until in self.periods)


def care_between(patient_id: str, therapist_id: str) -> CareAccess:
    records = pair_records(patient_id, therapist_id)
    if not records:
        legacy = therapist_id in confirmed_without_record(patient_id)
        return CareAccess(patient_id, therapist_id, legacy, ((None, None),) if legacy else ())
    periods = tuple((r.active_from, r.ended_at if r.state != ACTIVE else None)
                    for r in records if r.active_from)
    return CareAccess(patient_id, therapist_id, any(r.state == ACTIVE for r in records), periods)


def is_active(patient_id: str, therapist_id: str) -> bool:
    return care_between(patient_id, therapist_id).active


def _therapist_care(principal: Principal, patient_id: str) -> CareAccess:
    if principal.role != "therapist":
        if principal.role == "admin":
            raise ForbiddenError("only the patient and their therapist may read this")
        raise NotFoundError("no such patient")
    if not isinstance(patient_id, str) or not 0 < len(patient_id) <= 64 or patient_id == ME:
        raise NotFoundError("no such patient")
    return care_between(patient_id, principal.user_id)


def _own(principal: Principal, patient_ref: str) -> bool:
    return principal.role == "patient" and patient_ref in (ME, principal.user_id)


def read_clinical(principal: Principal, patient_ref: str, kind: str) -> str:
    """The patient id behind `patient_ref` ("me" or an id) if `principal` may read its live
    clinical data of `kind` now; a therapist's read is logged. 404 / 403 otherwise."""
    if _own(principal, patient_ref):
        return principal.user_id
    if principal.role == "patient":
        raise NotFoundError("no such patient")
    care = _therapist_care(principal, patient_ref)
    if not care.active:
        raise NotFoundError("no such patient")
    access_log.record_read(patient_ref, principal, kind)
    return patient_ref


def read_dated(principal: Principal, patient_ref: str, kind: str,
               dated: tuple[str, str] | None) -> str:
    """Like `read_clinical` for a record dated [start, end]: after the care ended the
    therapist still reads records dated inside a period of active care (record-keeping)."""
    if _own(principal, patient_ref):
        return principal.user_id
    if principal.role == "patient":
        raise NotFoundError("no such patient")
    care = _therapist_care(principal, patient_ref)
    if not (care.active or (dated is not None and care.covers(*dated))):
        raise NotFoundError("no such patient")
    access_log.record_read(patient_ref, principal, kind)
    return patient_ref


def dated_filter(principal: Principal, patient_ref: str, kind: str):
    """(patient id, predicate over (start, end)) for listing dated records: everything for
    the patient and an active therapist, only records inside a period of care for a former
    one. 404 for anyone who never had active care."""
    if _own(principal, patient_ref):
        return principal.user_id, lambda start, end: True
    if principal.role == "patient":
        raise NotFoundError("no such patient")
    care = _therapist_care(principal, patient_ref)
    if not care.periods:
        raise NotFoundError("no such patient")
    access_log.record_read(patient_ref, principal, kind)
    return patient_ref, (lambda start, end: True) if care.active else care.covers


def change_clinical(therapist: Principal, patient_id: str) -> None:
    """A therapist writes the patient's plan, cadence or notes only during active care."""
    if not _therapist_care(therapist, patient_id).active:
        raise NotFoundError("no such patient")


def read_notes(therapist: Principal, patient_id: str, has_notes: bool) -> None:
    """A therapist reads their own notes on a patient during care and after it (they are the
    therapist's record); someone who never cared for the patient gets 404."""
    care = _therapist_care(therapist, patient_id)
    if not (care.periods or has_notes):
        raise NotFoundError("no such patient")


def current_therapist(patient: User) -> str | None:
    """The patient's therapist now: the one they chose if that care is active, else the one
    whose active care began last (a confirmed booking's, before relationships were recorded)."""
    chosen = (patient.profile or {}).get("therapist_id")
    if chosen and is_active(patient.user_id, chosen):
        return chosen
    active = [r for r in patient_records(patient.user_id) if r.state == ACTIVE]
    if active:
        return max(active, key=lambda r: r.active_from or "").therapist_id
    legacy = confirmed_without_record(patient.user_id)
    for booking in Booking.by_patient.query(patient.user_id, scan_index_forward=False):
        if booking.therapist_id in legacy:
            return booking.therapist_id
    return None


def may_message(patient_id: str, therapist_id: str) -> bool:
    """Messaging is open both ways during active care, read-only otherwise."""
    return is_active(patient_id, therapist_id)


def read_session(principal: Principal, session: Session, live: bool) -> None:
    """A session's feed (`live`) or summary. The patient reads their self-reflect ones; a
    therapy session's therapist reads its feed during active care and its summary while the
    care is active or when the session was held inside a period of care."""
    if session.kind != "therapy":
        if principal.user_id != session.patient_id:
            raise ForbiddenError("a self-reflect session is the patient's own")
        return
    if principal.user_id != session.therapist_id:
        raise ForbiddenError("the emotion feed of a therapy session is for its therapist")
    care = care_between(session.patient_id, session.therapist_id)
    held = session.started_at or session.starts_at or session.created_at
    if not (care.active or (not live and held and care.covers(held))):
        raise NotFoundError("no such session")
    access_log.record_read(session.patient_id, principal, "session")
