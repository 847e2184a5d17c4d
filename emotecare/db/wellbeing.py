"""Tables of the between-session features: chat, journal, questionnaires, safety, resources.

Every patient's table is keyed by `patient_id`, so the accounts area's export and deletion
find every row by a key query. Ids that appear in URLs (journal entries, safety events) are
time-ordered ("2026-01-05T10:00:00.123Z-1a2b3c4d": the page percent-encodes the colons
and the API decodes them) and are the range key themselves: a row is
read with one GetItem and a patient's rows come back in time order.
"""
from __future__ import annotations

from pynamodb.attributes import (
    BooleanAttribute,
    JSONAttribute,
    ListAttribute,
    NumberAttribute,
    UnicodeAttribute,
    VersionAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model


class Conversation(Model):
    """A chat conversation; `state` is the chatbot's serialisable memory (technique, risk check).

    `version` makes two messages sent at once fail one of them instead of one silently
    overwriting the other's state (which could close an open risk check).
    """

    class Meta:
        table_name = "chat-conversations"

    patient_id = UnicodeAttribute(hash_key=True)
    conversation_id = UnicodeAttribute(range_key=True)
    created_at = UnicodeAttribute()
    updated_at = UnicodeAttribute()
    state = JSONAttribute(default=dict)
    title = UnicodeAttribute(default="")
    version = VersionAttribute()


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
    """A mood journal entry; `entry_key` is the entry's time-ordered id."""

    class Meta:
        table_name = "journal"

    patient_id = UnicodeAttribute(hash_key=True)
    entry_key = UnicodeAttribute(range_key=True)
    entry_id = UnicodeAttribute()
    created_at = UnicodeAttribute()
    updated_at = UnicodeAttribute(null=True)
    mood = NumberAttribute()
    tags = ListAttribute(of=UnicodeAttribute, default=list)
    text = UnicodeAttribute(default="")
    sleep_hours = NumberAttribute(null=True)
    crisis = BooleanAttribute(default=False)


class QuestionnaireResponse(Model):
    """A completed PHQ-9 or GAD-7; `response_key` = "<kind>#<submitted_at>#<suffix>"."""

    class Meta:
        table_name = "questionnaires"

    patient_id = UnicodeAttribute(hash_key=True)
    response_key = UnicodeAttribute(range_key=True)
    kind = UnicodeAttribute()  # phq9 | gad7
    submitted_at = UnicodeAttribute()
    answers = JSONAttribute()
    score = NumberAttribute()
    band = UnicodeAttribute()
    crisis = BooleanAttribute(default=False)
    difficulty = NumberAttribute(null=True)  # PHQ-9's unscored last question, 0-3


class QuestionnaireCadence(Model):
    """How often a patient is asked to fill in the questionnaires, as their therapist set it."""

    class Meta:
        table_name = "questionnaire-cadence"

    patient_id = UnicodeAttribute(hash_key=True)
    cadence_days = NumberAttribute()
    set_by = UnicodeAttribute()  # the therapist's user id
    updated_at = UnicodeAttribute()


class _SafetyEventsByTherapist(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-therapist"
        projection = AllProjection()

    therapist_id = UnicodeAttribute(hash_key=True)
    occurred_at = UnicodeAttribute(range_key=True)


class SafetyEvent(Model):
    """A crisis detected in chat, journal or a questionnaire; the message text is not copied.

    `event_key` is the event's time-ordered id; `therapist_id` is the patient's therapist at
    the time (absent when they have none, so the index stays sparse).
    """

    class Meta:
        table_name = "safety-events"

    patient_id = UnicodeAttribute(hash_key=True)
    event_key = UnicodeAttribute(range_key=True)
    event_id = UnicodeAttribute()
    occurred_at = UnicodeAttribute()
    # crisis_flagged | risk_retracted | distress_noted (kept for the weekly report, never listed)
    type = UnicodeAttribute(default="crisis_flagged")
    source = UnicodeAttribute()  # chat | journal | questionnaire
    category = UnicodeAttribute(null=True)
    categories = ListAttribute(of=UnicodeAttribute, default=list)
    needs_review = BooleanAttribute(default=True)
    context = JSONAttribute(default=dict)  # ids only: conversation_id, turn, entry_id, instrument
    therapist_id = UnicodeAttribute(null=True)
    therapist_alerted = BooleanAttribute(default=False)
    alerted_at = UnicodeAttribute(null=True)
    # The therapist who acknowledged the alert on their dashboard, and when (absent until then).
    acknowledged_by = UnicodeAttribute(null=True)
    acknowledged_at = UnicodeAttribute(null=True)
    # The graded level (`emotecare.escalation.policy.LEVELS`); absent on rows from before grading.
    level = UnicodeAttribute(null=True)
    # A retraction names the alert it takes back; that alert keeps the retraction's id and time.
    retracts = UnicodeAttribute(null=True)
    retraction_id = UnicodeAttribute(null=True)
    retracted_at = UnicodeAttribute(null=True)
    # An urgent alert is mailed at once (policy), apart from the mail the patient may ask for.
    urgent_mail_at = UnicodeAttribute(null=True)
    # The therapist's verdict "not a crisis", kept with who and when to evaluate the check by.
    not_crisis_by = UnicodeAttribute(null=True)
    not_crisis_at = UnicodeAttribute(null=True)
    not_crisis_note = UnicodeAttribute(null=True)
    by_therapist = _SafetyEventsByTherapist()


class _ResourcesByTopic(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-topic"
        projection = AllProjection()

    topic = UnicodeAttribute(hash_key=True)
    resource_id = UnicodeAttribute(range_key=True)


class LibraryResource(Model):
    """A curated resource (article, exercise, worksheet, helpline, video) with our own summary."""

    class Meta:
        table_name = "resources"

    resource_id = UnicodeAttribute(hash_key=True)
    topic = UnicodeAttribute()
    kind = UnicodeAttribute()  # the domain's `type`
    title = UnicodeAttribute()
    summary = UnicodeAttribute()
    source_name = UnicodeAttribute(default="")
    source_url = UnicodeAttribute()
    reading_minutes = NumberAttribute(default=5)
    tags = ListAttribute(of=UnicodeAttribute, default=list)
    country = UnicodeAttribute(null=True)
    status = UnicodeAttribute(default="active")  # active | retired
    updated_at = UnicodeAttribute(null=True)
    by_topic = _ResourcesByTopic()
