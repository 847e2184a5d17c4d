"""A therapist's private notes on a patient: keyed by (therapist, patient), so a therapist
the patient switches to starts with none of the previous therapist's notes."""
from __future__ import annotations

from pynamodb.exceptions import DoesNotExist

from emotecare.clock import iso_seconds, utc_now
from emotecare.accounts.tokens import Principal
from emotecare.care.access import change_clinical, read_notes
from emotecare.db.care import PrivateNote
from emotecare.fields import Fields

MAX_NOTE_CHARS = 20_000


def get_notes(therapist: Principal, patient_id: str) -> dict:
    """The therapist's own notes, during the care and after it ended (their record)."""
    try:
        note = PrivateNote.get(therapist.user_id, patient_id) if 0 < len(patient_id) <= 64 else None
    except DoesNotExist:
        note = None
    read_notes(therapist, patient_id, has_notes=note is not None)
    if note is None:
        return {"patient_id": patient_id, "text": "", "updated_at": None}
    return {"patient_id": patient_id, "text": note.text, "updated_at": note.updated_at}


def put_notes(therapist: Principal, patient_id: str, body: dict) -> dict:
    text = Fields(body, ("text",)).text("text", max_len=MAX_NOTE_CHARS, min_len=0)
    change_clinical(therapist, patient_id)
    note = PrivateNote(therapist.user_id, patient_id, text=text, updated_at=iso_seconds(utc_now()))
    note.save()
    return {"patient_id": patient_id, "text": note.text, "updated_at": note.updated_at}
