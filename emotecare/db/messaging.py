"""Tables of secure messaging between a patient and a therapist: messages and inbox rows.

A thread is one patient with one therapist, `thread_id` = "<patient_id>#<therapist_id>".
Both tables carry `patient_id` with a `by-patient` index, so the patient's export and
account deletion find every message and both sides' inbox rows (see
`emotecare/accounts/personal_data.py`): the thread is the patient's clinical data.
"""
from __future__ import annotations

from pynamodb.attributes import BooleanAttribute, NumberAttribute, UnicodeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model


class _MessagesByPatient(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-patient"
        projection = AllProjection()

    patient_id = UnicodeAttribute(hash_key=True)
    message_id = UnicodeAttribute(range_key=True)


class Message(Model):
    """One message; `message_id` is a time id, so a thread's messages sort by time."""

    class Meta:
        table_name = "messages"

    thread_id = UnicodeAttribute(hash_key=True)
    message_id = UnicodeAttribute(range_key=True)
    patient_id = UnicodeAttribute()
    therapist_id = UnicodeAttribute()
    sender_id = UnicodeAttribute()
    text = UnicodeAttribute()
    sent_at = UnicodeAttribute()
    read_at = UnicodeAttribute(null=True)
    crisis = BooleanAttribute(default=False)
    by_patient = _MessagesByPatient()


class _InboxByPatient(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-patient"
        projection = AllProjection()

    patient_id = UnicodeAttribute(hash_key=True)
    owner_id = UnicodeAttribute(range_key=True)


class InboxEntry(Model):
    """One side's view of a thread: what `GET /messages/threads` lists for `owner_id`.

    `unread` is moved by atomic ADDs (+1 per message received, -n when n are marked read),
    `read_through` is the newest message id this side has read, `notified_at` the last time
    this side was mailed about the thread (the once-an-hour limit is a conditional write).
    """

    class Meta:
        table_name = "message-inbox"

    owner_id = UnicodeAttribute(hash_key=True)
    other_id = UnicodeAttribute(range_key=True)
    patient_id = UnicodeAttribute()
    therapist_id = UnicodeAttribute()
    last_message_at = UnicodeAttribute(null=True)
    last_message_preview = UnicodeAttribute(null=True)
    unread = NumberAttribute(default=0)
    unread_crisis = NumberAttribute(default=0)
    read_through = UnicodeAttribute(null=True)
    notified_at = UnicodeAttribute(null=True)
    by_patient = _InboxByPatient()
