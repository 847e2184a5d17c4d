"""Conversations and their messages in DynamoDB, always under the patient's own key.

The conversation row holds the chatbot's state (technique in progress, open risk check);
messages are the transcript the patient reads back. Deleting a conversation deletes both.
"""
from __future__ import annotations

import uuid

from pynamodb.exceptions import DoesNotExist, PutError, UpdateError

from emotecare.chat.conversation_state import new_state
from emotecare.clock import iso, utc_now
from emotecare.db.wellbeing import ChatMessage, Conversation
from emotecare.errors import ConflictError, NotFoundError

TITLE_CHARS = 60
LIST_LIMIT = 100
_ID_CHARS = 36  # a uuid4


def new_conversation(patient_id: str) -> Conversation:
    """A conversation that exists only in memory until `save_turn` stores it."""
    now = iso(utc_now())
    return Conversation(patient_id, str(uuid.uuid4()), created_at=now, updated_at=now, state=new_state())


def load_conversation(patient_id: str, conversation_id: str) -> Conversation:
    """The patient's own conversation; anyone else's is not found."""
    if not isinstance(conversation_id, str) or len(conversation_id) != _ID_CHARS:
        raise NotFoundError("no such conversation")
    try:
        return Conversation.get(patient_id, conversation_id, consistent_read=True)
    except DoesNotExist as exc:
        raise NotFoundError("no such conversation") from exc


def save_turn(conversation: Conversation, state: dict, patient_text: str, reply: str,
              crisis: bool) -> None:
    """Store the new state (optimistically locked) and the turn's two messages."""
    now = iso(utc_now())
    conversation.state = state
    conversation.updated_at = now
    if not conversation.title:
        conversation.title = " ".join(patient_text.split())[:TITLE_CHARS]
    try:
        conversation.save()
    except (PutError, UpdateError) as exc:
        if _is_conditional_failure(exc):
            raise ConflictError("this conversation changed meanwhile: send the message again") from exc
        raise
    cid = conversation.conversation_id
    with ChatMessage.batch_write() as batch:
        for n, (sender, text, flagged) in enumerate((("patient", patient_text, crisis), ("bot", reply, False))):
            batch.save(ChatMessage(conversation.patient_id, f"{cid}#{now}#{n}", conversation_id=cid,
                                   sender=sender, text=text, created_at=now, crisis=flagged))


def list_conversations(patient_id: str) -> list[Conversation]:
    """The patient's conversations, most recently active first."""
    rows = list(Conversation.query(patient_id, limit=LIST_LIMIT))
    return sorted(rows, key=lambda c: c.updated_at, reverse=True)


def read_messages(conversation: Conversation) -> list[ChatMessage]:
    """The transcript of one conversation, oldest first."""
    return list(ChatMessage.query(conversation.patient_id,
                                  ChatMessage.message_key.startswith(f"{conversation.conversation_id}#")))


def delete_conversation(conversation: Conversation) -> int:
    """Delete the transcript, then the conversation; returns how many messages went."""
    messages = read_messages(conversation)
    with ChatMessage.batch_write() as batch:
        for message in messages:
            batch.delete(message)
    conversation.delete()
    return len(messages)


def _is_conditional_failure(exc: Exception) -> bool:
    return getattr(exc, "cause_response_code", None) == "ConditionalCheckFailedException"
