"""Tables of accounts and booking that the core models do not cover: one-time codes, notes."""
from __future__ import annotations

from pynamodb.attributes import NumberAttribute, TTLAttribute, UnicodeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model


class OneTimeCode(Model):
    """A hashed e-mail verification or password-reset code (`code_key` = "<purpose>#<email>").

    We send our own codes (through SES) instead of Cognito's so the flow is the same on AWS
    and on the local stack, where moto sends no mail.
    """

    class Meta:
        table_name = "one-time-codes"

    code_key = UnicodeAttribute(hash_key=True)
    code_hash = UnicodeAttribute()
    salt = UnicodeAttribute()
    attempts = NumberAttribute(default=0)
    created_at = UnicodeAttribute()
    expires_at = TTLAttribute()


class _NotesByPatient(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-patient"
        projection = AllProjection()

    patient_id = UnicodeAttribute(hash_key=True)
    therapist_id = UnicodeAttribute(range_key=True)


class PrivateNote(Model):
    """A therapist's private notes on one patient: only that therapist reads them."""

    class Meta:
        table_name = "private-notes"

    therapist_id = UnicodeAttribute(hash_key=True)
    patient_id = UnicodeAttribute(range_key=True)
    text = UnicodeAttribute(default="")
    updated_at = UnicodeAttribute()
    by_patient = _NotesByPatient()
