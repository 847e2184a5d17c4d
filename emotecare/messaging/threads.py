"""The three things the API does with messages: list threads, read one, send a message.

Sending follows the chatbot's order: a patient's message passes the same safety check
(`emotecare.safety.check_message`) before it is stored. On a crisis the message is still
stored (it is the patient's, and the therapist must see it), marked in the therapist's
inbox, a safety event without the text is recorded for that therapist, and the answer
carries the crisis reply: helplines for the patient's country, the emergency number and
the offer to alert the therapist.
"""
from __future__ import annotations

import dataclasses

from emotecare.accounts import throttle
from emotecare.accounts.profiles import load_user
from emotecare.accounts.tokens import Principal
from emotecare.db.messaging import InboxEntry, Message
from emotecare.db.models import User
from emotecare.errors import NotFoundError, ValidationError
from emotecare.escalation.care_team import load_patient_context
from emotecare.escalation.crisis import crisis_fields
from emotecare.escalation.events import record_safety_event
from emotecare.fields import Fields
from emotecare.messaging import notify, store
from emotecare.messaging.parties import Thread, display_name, find_thread, may_write
from emotecare.notifications.mailer import Mailer
from emotecare.safety import CRISIS_FLAGGED, build_crisis_reply, build_safety_event, check_message
from emotecare.timeids import is_time_id

MAX_TEXT_CHARS = 5000


def list_threads(caller: Principal) -> dict:
    """`GET /messages/threads`: the caller's threads, newest message first."""
    rows = store.inbox(caller.user_id)
    people = {u.user_id: u for u in User.batch_get([r.other_id for r in rows])} if rows else {}
    threads = []
    for row in rows:
        other = people.get(row.other_id)
        if other is None:
            continue  # the other account is gone (its threads go with a patient's account)
        threads.append(_thread_view(row, other))
    return {"threads": threads}


def read_thread(caller: Principal, other_id: str, query: dict) -> dict:
    """`GET /messages/threads/{user_id}?before=`: a page of messages; marks the other's read."""
    f = Fields(query, ("before",))
    before = f.text("before", max_len=64, default=None)
    if before is not None and not is_time_id(before):
        raise ValidationError("before: not a cursor from a previous page", field="before")
    thread = _readable(caller, other_id)
    store.mark_read(thread)
    messages, cursor = store.page(thread, before)
    return {"with": _person(thread.other), "can_write": may_write(thread),
            "messages": [message_view(m) for m in messages], "next": cursor}


def send_message(caller: Principal, other_id: str, body: dict, mailer: Mailer,
                 app_url: str) -> dict:
    """`POST /messages/threads/{user_id}` `{text}`: store, tell the other side, answer."""
    text = Fields(body, ("text",)).text("text", max_len=MAX_TEXT_CHARS)
    throttle.spend_own(throttle.MESSAGES, caller.user_id, "messages")
    thread = find_thread(caller, other_id)
    if not may_write(thread):
        raise NotFoundError("no such person to write to")
    result = check_message(text) if thread.caller_is_patient else None
    crisis = bool(result and result.crisis)
    message = store.save_message(thread, text, crisis)
    answer = message_view(message)
    if crisis:
        answer.update(_crisis_answer(thread, result, message))
    me = load_user(caller.user_id)  # a token of a deleted account is a 401, not a 500
    notify.tell_recipient(thread.other, caller.user_id, display_name(me), mailer, app_url)
    return answer


def _crisis_answer(thread: Thread, result, message: Message) -> dict:
    patient = load_patient_context(thread.patient_id)
    # The event belongs to the therapist the message was written to, whoever is "current".
    patient = dataclasses.replace(patient, therapist_id=thread.therapist_id,
                                  therapist_name=display_name(thread.other))
    event = record_safety_event(patient, build_safety_event(CRISIS_FLAGGED, "message", result),
                                message_id=message.message_id)
    reply = build_crisis_reply(result.category, patient.country, patient.therapist_name)
    return crisis_fields(reply, event)


def _readable(caller: Principal, other_id: str) -> Thread:
    thread = find_thread(caller, other_id)
    if store.inbox_entry(caller.user_id, other_id) is None and not may_write(thread):
        raise NotFoundError("no such person to write to")
    return thread


def message_view(message: Message) -> dict:
    return {"message_id": message.message_id, "from": message.sender_id, "text": message.text,
            "sent_at": message.sent_at, "read_at": message.read_at, "crisis": bool(message.crisis)}


def _person(user: User) -> dict:
    return {"user_id": user.user_id, "name": display_name(user), "role": user.role}


def _thread_view(row: InboxEntry, other: User) -> dict:
    return {"with": _person(other), "last_message_at": row.last_message_at,
            "last_message_preview": row.last_message_preview,
            "unread": max(0, int(row.unread or 0)),
            "crisis_unread": max(0, int(row.unread_crisis or 0))}
