"""Tables of the between-session features: chat, journal, questionnaires, safety, resources."""
from __future__ import annotations

from pynamodb.attributes import (
    BooleanAttribute,
    JSONAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model


class Conversation(Model):
    """A chat conversation; `state` is the chatbot's serialisable memory (technique in progress)."""

    class Meta:
        table_name = "chat-conversations"

    patient_id = UnicodeAttribute(hash_key=True)
    conversation_id = UnicodeAttribute(range_key=True)
    created_at = UnicodeAttribute()
    updated_at = UnicodeAttribute()
    state = JSONAttribute(default=dict)
    title = UnicodeAttribute(default="")


class ChatMessage(Model):
    """One message of a conversation; `message_key` = "<conversation_id>#<created_at>#<n>"."""

    class Meta:
        table_name = "chat-messages"

    patient_id = UnicodeAttribute(hash_key=True)
    message_key = UnicodeAttribute(range_key=True)
    conversation_id = UnicodeAttribute()
    sender = UnicodeAttribute()  # patient | bot
    text = UnicodeAttribute()
    created_at = UnicodeAttribute()
    crisis = BooleanAttribute(default=False)


class JournalEntry(Model):
    """A mood journal entry; `entry_key` = "<created_at>#<entry id>" so entries sort by time."""

    class Meta:
        table_name = "journal"

    patient_id = UnicodeAttribute(hash_key=True)
    entry_key = UnicodeAttribute(range_key=True)
    entry_id = UnicodeAttribute()
    created_at = UnicodeAttribute()
    updated_at = UnicodeAttribute(null=True)
    mood = NumberAttribute()
    tags = UnicodeSetAttribute(null=True)
    text = UnicodeAttribute(default="")
    sleep_hours = NumberAttribute(null=True)


class QuestionnaireResponse(Model):
    """A completed PHQ-9 or GAD-7; `response_key` = "<kind>#<submitted_at>"."""

    class Meta:
        table_name = "questionnaires"

    patient_id = UnicodeAttribute(hash_key=True)
    response_key = UnicodeAttribute(range_key=True)
    kind = UnicodeAttribute()  # phq9 | gad7
    submitted_at = UnicodeAttribute()
    answers = JSONAttribute()
    score = NumberAttribute()
    band = UnicodeAttribute()


class _SafetyEventsByTherapist(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-therapist"
        projection = AllProjection()

    therapist_id = UnicodeAttribute(hash_key=True)
    occurred_at = UnicodeAttribute(range_key=True)


class SafetyEvent(Model):
    """A crisis detected in chat, journal or a questionnaire; the message text is not copied."""

    class Meta:
        table_name = "safety-events"

    patient_id = UnicodeAttribute(hash_key=True)
    event_key = UnicodeAttribute(range_key=True)  # "<occurred_at>#<event id>"
    event_id = UnicodeAttribute()
    occurred_at = UnicodeAttribute()
    source = UnicodeAttribute()  # chat | journal | phq9
    category = UnicodeAttribute()
    therapist_id = UnicodeAttribute(null=True)
    therapist_alerted = BooleanAttribute(default=False)
    by_therapist = _SafetyEventsByTherapist()


class _ResourcesByTopic(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-topic"
        projection = AllProjection()

    topic = UnicodeAttribute(hash_key=True)
    resource_id = UnicodeAttribute(range_key=True)


class LibraryResource(Model):
    """A curated resource (article, exercise, worksheet, helpline) with our own summary."""

    class Meta:
        table_name = "resources"

    resource_id = UnicodeAttribute(hash_key=True)
    topic = UnicodeAttribute()
    kind = UnicodeAttribute()  # article | exercise | worksheet | helpline
    title = UnicodeAttribute()
    summary = UnicodeAttribute()
    source_url = UnicodeAttribute()
    reading_minutes = NumberAttribute(default=5)
    retired = BooleanAttribute(default=False)
    details = JSONAttribute(default=dict)
    by_topic = _ResourcesByTopic()
