"""Questionnaire responses and each patient's cadence in DynamoDB, under the patient's key."""
from __future__ import annotations

from datetime import datetime

from pynamodb.exceptions import DoesNotExist

from emotecare.clock import iso, parse_iso, utc_now
from emotecare.db.models import Booking
from emotecare.db.wellbeing import QuestionnaireCadence, QuestionnaireResponse
from emotecare.questionnaires.scoring import QuestionnaireResult
from emotecare.questionnaires.schedule import DEFAULT_CADENCE_DAYS

HISTORY_LIMIT = 200
# Bookings that will (or did) become a session; a declined or cancelled one never was one.
_SESSION_STATUSES = ("pending", "confirmed")


def save_response(patient_id: str, result: QuestionnaireResult, difficulty: int | None) -> QuestionnaireResponse:
    now = iso(utc_now())
    row = QuestionnaireResponse(patient_id, f"{result.instrument}#{now}", kind=result.instrument,
                                submitted_at=now, answers=list(result.answers), score=result.total,
                                band=result.severity, crisis=result.crisis, difficulty=difficulty)
    row.save()
    return row


def list_responses(patient_id: str, kind: str | None = None) -> list[QuestionnaireResponse]:
    """The patient's responses (of one kind, or all), oldest first, for charting."""
    condition = QuestionnaireResponse.response_key.startswith(f"{kind}#") if kind else None
    rows = list(QuestionnaireResponse.query(patient_id, range_key_condition=condition, scan_index_forward=False,
                                            limit=HISTORY_LIMIT))
    return sorted(rows, key=lambda r: r.submitted_at)


def last_completed_at(patient_id: str, kind: str) -> datetime | None:
    latest = next(iter(QuestionnaireResponse.query(
        patient_id, QuestionnaireResponse.response_key.startswith(f"{kind}#"), scan_index_forward=False,
        limit=1)), None)
    return parse_iso(latest.submitted_at) if latest else None


def cadence_days(patient_id: str) -> int:
    try:
        return int(QuestionnaireCadence.get(patient_id).cadence_days)
    except DoesNotExist:
        return DEFAULT_CADENCE_DAYS


def save_cadence(patient_id: str, days: int, therapist_id: str) -> QuestionnaireCadence:
    row = QuestionnaireCadence(patient_id, cadence_days=days, set_by=therapist_id, updated_at=iso(utc_now()))
    row.save()
    return row


def first_session_ahead(patient_id: str, now: datetime) -> datetime | None:
    """The start of the patient's first session if it is still to come, else None.

    Read from the bookings `by-patient` index (ordered by start): a booked session that has
    already started means the first session is behind them.
    """
    for booking in Booking.by_patient.query(patient_id):
        if booking.status not in _SESSION_STATUSES:
            continue
        starts_at = parse_iso(booking.starts_at)
        return starts_at if starts_at > now else None
    return None


def response_view(row: QuestionnaireResponse) -> dict:
    return {"response_id": row.response_key, "kind": row.kind, "submitted_at": row.submitted_at,
            "answers": list(row.answers or []), "score": int(row.score), "band": row.band,
            "crisis": bool(row.crisis), "difficulty": int(row.difficulty) if row.difficulty is not None else None}
