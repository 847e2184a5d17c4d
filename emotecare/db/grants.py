"""Upload grants as issued, so the inference function can tell a granted batch from any other."""
from __future__ import annotations

from pynamodb.attributes import NumberAttribute, TTLAttribute, UnicodeAttribute
from pynamodb.models import Model


class UploadGrant(Model):
    """One frame-batch upload grant: for whom, for which session, until when.

    `grant_id` is the batch part of the object key the grant names
    (`frames/{session_id}/{patient_id}/{grant_id}.ecb`), so a key leads straight to its grant.
    Keyed by session, so an account deletion finds the patient's grants through their sessions.
    """

    class Meta:
        table_name = "upload-grants"

    session_id = UnicodeAttribute(hash_key=True)
    grant_id = UnicodeAttribute(range_key=True)
    patient_id = UnicodeAttribute()
    issued_at = UnicodeAttribute()
    valid_until = NumberAttribute()  # epoch seconds; an object written later is refused
    expires_at = TTLAttribute()  # kept past `valid_until` to answer the queue's redeliveries
