"""Tables of accounts and care that the core models do not cover: one-time codes, notes,
care relationships and the access log patients read."""
from __future__ import annotations

from pynamodb.attributes import JSONAttribute, NumberAttribute, TTLAttribute, UnicodeAttribute
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


class _RelationshipsByTherapist(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-therapist"
        projection = AllProjection()

    therapist_id = UnicodeAttribute(hash_key=True)
    requested_at = UnicodeAttribute(range_key=True)


class CareRelationship(Model):
    """One patient's care with one therapist: requested → active → ended (or declined).

    `relationship_key` = "<therapist_id>#<requested_at>", so the pair's records are one key
    range of the patient's partition. A new request after an ending is a new record: the
    history of every period stays. `history` lists each change: state, by whom (user id and
    role), when and why.
    """

    class Meta:
        table_name = "care-relationships"

    patient_id = UnicodeAttribute(hash_key=True)
    relationship_key = UnicodeAttribute(range_key=True)
    therapist_id = UnicodeAttribute()
    state = UnicodeAttribute()  # requested | active | ended | declined
    requested_at = UnicodeAttribute()
    active_from = UnicodeAttribute(null=True)
    ended_at = UnicodeAttribute(null=True)
    history = JSONAttribute(default=list)
    by_therapist = _RelationshipsByTherapist()


class AccessLogEntry(Model):
    """Someone other than the patient read a kind of the patient's clinical data.

    One row per (minute, reader, kind): a therapist's page polling the same data within a
    minute adds to `reads` instead of writing a row per poll. No content, only the kind.
    """

    class Meta:
        table_name = "access-log"

    patient_id = UnicodeAttribute(hash_key=True)
    entry_key = UnicodeAttribute(range_key=True)  # "<minute>#<reader_id>#<kind>"
    reader_id = UnicodeAttribute()
    reader_role = UnicodeAttribute()
    kind = UnicodeAttribute()
    first_at = UnicodeAttribute()
    last_at = UnicodeAttribute()
    reads = NumberAttribute(default=0)
