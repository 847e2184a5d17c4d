"""Read one patient's rows for one week, with key and index queries only (never scans).

Every table is keyed or indexed by patient and a time-sortable range key, so a week is a
key-range query. Range bounds are written without the trailing `Z` so that stored times
with or without fractional seconds sort inside the bounds (`…00:00:00.5Z` > `…00:00:00`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from emotecare.db.models import Booking, EmotionRecord, Session
from emotecare.db.wellbeing import JournalEntry, QuestionnaireResponse, SafetyEvent

QUESTIONNAIRE_KINDS = ("phq9", "gad7")
# A self-reflect session is created when it starts (the sessions index, by creation
# time); a therapy session is created when it is booked, so it is found through its
# booking's start (the bookings index). Sessions with records in the week are fetched by
# key too. The margin catches sessions joined early or started late across the edges.
_MARGIN = timedelta(days=1)
ATTENDED_STATES = ("in_progress", "ended")


@dataclass
class WeekRows:
    """What one patient did in one week (each list in time order)."""

    sessions: list[Session] = field(default_factory=list)
    records: list[EmotionRecord] = field(default_factory=list)
    journal: list[JournalEntry] = field(default_factory=list)
    questionnaires: dict[str, list[QuestionnaireResponse]] = field(default_factory=dict)
    earlier_questionnaires: dict[str, QuestionnaireResponse | None] = field(default_factory=dict)
    safety_events: list[SafetyEvent] = field(default_factory=list)


def _bound(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def load_week(patient_id: str, start: datetime, end: datetime) -> WeekRows:
    """Everything of `patient_id` between `start` (inclusive) and `end` (exclusive), UTC."""
    low, high = _bound(start), _bound(end)
    records = list(EmotionRecord.by_patient_time.query(
        patient_id, EmotionRecord.captured_at.between(low, high)))
    rows = WeekRows(
        sessions=_sessions(patient_id, start, end, {r.session_id for r in records}),
        records=records,
        journal=list(JournalEntry.query(patient_id, JournalEntry.entry_key.between(low, high))),
        safety_events=list(SafetyEvent.query(patient_id, SafetyEvent.event_key.between(low, high))),
    )
    for kind in QUESTIONNAIRE_KINDS:
        rows.questionnaires[kind] = list(QuestionnaireResponse.query(
            patient_id, QuestionnaireResponse.response_key.between(f"{kind}#{low}", f"{kind}#{high}")))
        rows.earlier_questionnaires[kind] = next(iter(QuestionnaireResponse.query(
            patient_id, QuestionnaireResponse.response_key.between(f"{kind}#", f"{kind}#{low}"),
            scan_index_forward=False, limit=1)), None)
    return rows


def _sessions(patient_id: str, start: datetime, end: datetime, recorded: set[str]) -> list[Session]:
    """Sessions the patient attended that started in the week, plus any with records in it."""
    low, high = _bound(start), _bound(end)
    found = {s.session_id: s for s in Session.by_patient.query(
        patient_id, Session.created_at.between(_bound(start - _MARGIN), high))}
    booked = {b.session_id for b in Booking.by_patient.query(
        patient_id, Booking.starts_at.between(_bound(start - _MARGIN), _bound(end + _MARGIN)))
        if b.session_id}
    missing = (recorded | booked) - set(found)
    if missing:
        found.update({s.session_id: s for s in Session.batch_get(list(missing))})
    attended = [s for s in found.values() if s.patient_id == patient_id and (
        s.session_id in recorded
        or (s.state in ATTENDED_STATES and s.started_at and low <= s.started_at < high))]
    return sorted(attended, key=lambda s: s.started_at or s.created_at)
