"""A therapist's private notes on a patient: keyed by (therapist, patient), so a therapist
the patient switches to starts with none of the previous therapist's notes."""
from __future__ import annotations

from pynamodb.exceptions import DoesNotExist

from emotecare.accounts.tokens import Principal
from emotecare.bookings.access import require_patient_of
from emotecare.db.care import PrivateNote
from emotecare.fields import Fields, iso_z, now_utc

MAX_NOTE_CHARS = 20_000


def get_notes(therapist: Principal, patient_id: str) -> dict:
    require_patient_of(therapist, patient_id)
    try:
        note = PrivateNote.get(therapist.user_id, patient_id)
    except DoesNotExist:
        return {"patient_id": patient_id, "text": "", "updated_at": None}
    return {"patient_id": patient_id, "text": note.text, "updated_at": note.updated_at}


def put_notes(therapist: Principal, patient_id: str, body: dict) -> dict:
    text = Fields(body, ("text",)).text("text", max_len=MAX_NOTE_CHARS, min_len=0)
    require_patient_of(therapist, patient_id)
    note = PrivateNote(therapist.user_id, patient_id, text=text, updated_at=iso_z(now_utc()))
    note.save()
    return {"patient_id": patient_id, "text": note.text, "updated_at": note.updated_at}
