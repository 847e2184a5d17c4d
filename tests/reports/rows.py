"""Create the rows a report reads, directly in the stack's tables (PynamoDB over moto)."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from emotecare.db.models import Booking, EmotionRecord, Session, User
from emotecare.db.wellbeing import JournalEntry, QuestionnaireResponse, SafetyEvent
from emotecare.pipeline.valence import VALENCE_BY_EXPRESSION, valence_of
from emotecare.weeks import parse_utc_text, to_utc_text


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
                therapist_id: str | None = "therapist-1", booked_for: str | None = None,
                booking_status: str = "confirmed") -> Session:
        """A session; a therapy session also gets its booking (starting at `booked_for`)."""
        session = Session(_id("session"), kind=kind, patient_id=patient_id,
                          therapist_id=therapist_id if kind == "therapy" else None,
                          state=state, created_at=created_at or started_at,
                          starts_at=booked_for or started_at, started_at=started_at,
                          analysis_on=True)
        session.save()
        if kind == "therapy" and (booked_for or started_at):
            self.booking(patient_id, therapist_id, status=booking_status,
                         starts_at=booked_for or started_at, session_id=session.session_id)
        return session

    def frames(self, session: Session, start: str, spec: list[tuple[int, str | None]],
               step_s: float = 1.0) -> list[EmotionRecord]:
        """`spec`: (count, dominant expression or None for no face) runs, a frame per `step_s`.

        Each face frame is certain of its expression (probability 1, the others 0), so its
        valence is exactly the pipeline's score for that expression (happy +1, sad -0.8, …).
        """
        moment = parse_utc_text(start)
        records, batch = [], _id("batch")
        for count, dominant in spec:
            probabilities = ({label: float(label == dominant) for label in VALENCE_BY_EXPRESSION}
                             if dominant else None)
            for _ in range(count):
                captured = to_utc_text(moment)
                records.append(EmotionRecord(
                    session.session_id, f"{captured}#{len(records)}#{batch}",
                    patient_id=session.patient_id, captured_at=captured,
                    face_found=dominant is not None, dominant=dominant,
                    valence=valence_of(probabilities) if dominant else None,
                    probabilities=probabilities, model_version="test"))
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

    def safety_event(self, patient_id: str, occurred_at: str, type: str = "crisis_flagged") -> SafetyEvent:
        event_id = _id("safety")
        event = SafetyEvent(patient_id, f"{occurred_at}#{event_id}", event_id=event_id, type=type,
                            occurred_at=occurred_at, source="chat", category="self_harm")
        event.save()
        return event

    def booking(self, patient_id: str, therapist_id: str, status: str = "confirmed",
                starts_at: str = "2026-11-17T15:00:00Z", session_id: str | None = None) -> Booking:
        ends_at = to_utc_text(parse_utc_text(starts_at) + timedelta(minutes=50))
        booking = Booking(_id("booking"), therapist_id=therapist_id, patient_id=patient_id,
                          starts_at=starts_at, ends_at=ends_at, start_day=starts_at[:10],
                          status=status, session_id=session_id)
        booking.save()
        return booking


def utc(text: str) -> datetime:
    return parse_utc_text(text)

