"""Create the rows a report reads, directly in the stack's tables (PynamoDB over moto)."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from emotecare.db.models import Booking, EmotionRecord, Session, User
from emotecare.db.wellbeing import JournalEntry, QuestionnaireResponse, SafetyEvent
from emotecare.reports.weeks import parse_utc_text, to_utc_text


def _id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


class RowMaker:
    """Small constructors; times are UTC texts like the tables store."""

    def patient(self, time_zone: str = "America/New_York", name: str = "Robin",
                user_id: str | None = None) -> User:
        user = User(user_id or _id("patient"), email=f"{uuid.uuid4().hex[:8]}@test.emotecare.example",
                    role="patient", name=name, time_zone=time_zone, created_at="2026-01-01T00:00:00Z")
        user.save()
        return user

    def session(self, patient_id: str, kind: str = "therapy", started_at: str | None = None,
                created_at: str | None = None, state: str = "ended",
                therapist_id: str | None = "therapist-1") -> Session:
        session = Session(_id("session"), kind=kind, patient_id=patient_id,
                          therapist_id=therapist_id if kind == "therapy" else None,
                          state=state, created_at=created_at or started_at,
                          started_at=started_at, analysis_on=True)
        session.save()
        return session

    def frames(self, session: Session, start: str, spec: list[tuple[int, str | None, float | None]],
               step_s: float = 1.0) -> list[EmotionRecord]:
        """`spec`: (count, dominant or None for no face, valence) runs, one frame per `step_s`."""
        moment = parse_utc_text(start)
        records, batch = [], _id("batch")
        for count, dominant, valence in spec:
            for _ in range(count):
                captured = to_utc_text(moment)
                records.append(EmotionRecord(
                    session.session_id, f"{captured}#{len(records)}#{batch}",
                    patient_id=session.patient_id, captured_at=captured,
                    face_found=dominant is not None, dominant=dominant, valence=valence,
                    probabilities={dominant: 0.9} if dominant else None, model_version="test"))
                moment += timedelta(seconds=step_s)
        with EmotionRecord.batch_write() as writer:
            for record in records:
                writer.save(record)
        return records

    def journal(self, patient_id: str, created_at: str, mood: int) -> JournalEntry:
        entry_id = _id("entry")
        entry = JournalEntry(patient_id, f"{created_at}#{entry_id}", entry_id=entry_id,
                             created_at=created_at, mood=mood, text="private words")
        entry.save()
        return entry

    def questionnaire(self, patient_id: str, kind: str, submitted_at: str, score: int,
                      band: str) -> QuestionnaireResponse:
        response = QuestionnaireResponse(patient_id, f"{kind}#{submitted_at}", kind=kind,
                                         submitted_at=submitted_at, answers=[], score=score,
                                         band=band)
        response.save()
        return response

    def safety_event(self, patient_id: str, occurred_at: str) -> SafetyEvent:
        event_id = _id("safety")
        event = SafetyEvent(patient_id, f"{occurred_at}#{event_id}", event_id=event_id,
                            occurred_at=occurred_at, source="chat", category="self_harm")
        event.save()
        return event

    def booking(self, patient_id: str, therapist_id: str, status: str = "confirmed") -> Booking:
        booking = Booking(_id("booking"), therapist_id=therapist_id, patient_id=patient_id,
                          starts_at="2026-11-17T15:00:00Z", ends_at="2026-11-17T15:50:00Z",
                          status=status)
        booking.save()
        return booking


def utc(text: str) -> datetime:
    return parse_utc_text(text)


def sent_emails(stack, to: str) -> list[dict]:
    """Emails moto's SES has accepted for `to` (from its inspection endpoint)."""
    import requests

    data = requests.get(f"{stack.env['EMOTECARE_AWS_ENDPOINT']}/moto-api/data.json", timeout=30).json()
    return [m for m in data["ses"]["Message"] if to in m["destinations"]["ToAddresses"]]
