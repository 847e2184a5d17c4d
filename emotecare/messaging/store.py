"""Messages and inbox rows in DynamoDB: key-based queries only, consistent reads.

Every read here is of the base tables by key with `consistent_read=True`, so a writer who
reads its own message back (the page after sending) always sees it.
"""
from __future__ import annotations

from pynamodb.exceptions import UpdateError

from emotecare.clock import iso, utc_now
from emotecare.db.messaging import InboxEntry, Message
from emotecare.messaging.parties import Thread
from emotecare.timeids import new_time_id

PAGE_SIZE = 50
PREVIEW_CHARS = 80


def save_message(thread: Thread, text: str, crisis: bool) -> Message:
    """Store one message from the caller and update both sides' inbox rows."""
    now = utc_now()
    message = Message(thread.thread_id, new_time_id(now), patient_id=thread.patient_id,
                      therapist_id=thread.therapist_id, sender_id=thread.me, text=text,
                      sent_at=iso(now), crisis=crisis)
    message.save()
    preview = _preview(text)
    _touch(thread, thread.me, thread.other.user_id, message, preview, [])
    received = [InboxEntry.unread.add(1)]
    if crisis:
        received.append(InboxEntry.unread_crisis.add(1))
    _touch(thread, thread.other.user_id, thread.me, message, preview, received)
    return message


def _touch(thread: Thread, owner: str, other: str, message: Message, preview: str,
           extra: list) -> None:
    entry = InboxEntry(owner, other)
    entry.update(actions=[
        InboxEntry.patient_id.set(thread.patient_id), InboxEntry.therapist_id.set(thread.therapist_id),
        InboxEntry.last_message_at.set(message.sent_at),
        InboxEntry.last_message_preview.set(preview), *extra])


def inbox(owner_id: str) -> list[InboxEntry]:
    """The owner's threads, newest message first (a person has few threads: sorted here)."""
    rows = [r for r in InboxEntry.query(owner_id, consistent_read=True) if r.last_message_at]
    return sorted(rows, key=lambda r: r.last_message_at, reverse=True)


def inbox_entry(owner_id: str, other_id: str) -> InboxEntry | None:
    rows = list(InboxEntry.query(owner_id, InboxEntry.other_id == other_id, consistent_read=True))
    return rows[0] if rows else None


def mark_read(thread: Thread) -> int:
    """Mark the other side's messages the caller has not read yet; return how many.

    Unread messages are exactly those after the caller's `read_through`. Each is marked by a
    conditional write, so two tabs reading at once count every message once.
    """
    entry = inbox_entry(thread.me, thread.other.user_id)
    if entry is None:
        return 0
    condition = Message.message_id > entry.read_through if entry.read_through else None
    newest, marked, crisis = None, 0, 0
    now = iso(utc_now())
    for message in Message.query(thread.thread_id, condition, consistent_read=True):
        newest = message.message_id
        if message.sender_id == thread.me or message.read_at:
            continue
        try:
            message.update(actions=[Message.read_at.set(now)],
                           condition=Message.read_at.does_not_exist())
        except UpdateError as exc:
            if not _condition_failed(exc):
                raise
            continue  # read by another tab of the same person just now
        marked += 1
        crisis += int(bool(message.crisis))
    if newest is None:
        return 0
    actions = [InboxEntry.read_through.set(newest)]
    if marked:
        actions.append(InboxEntry.unread.add(-marked))
    if crisis:
        actions.append(InboxEntry.unread_crisis.add(-crisis))
    entry.update(actions=actions)
    return marked


def page(thread: Thread, before: str | None) -> tuple[list[Message], str | None]:
    """Newest first, PAGE_SIZE at most, older than `before`; and the cursor of the next page."""
    condition = Message.message_id < before if before else None
    rows = list(Message.query(thread.thread_id, condition, scan_index_forward=False,
                              limit=PAGE_SIZE + 1, consistent_read=True))
    if len(rows) > PAGE_SIZE:
        return rows[:PAGE_SIZE], rows[PAGE_SIZE - 1].message_id
    return rows, None


def claim_notification(owner_id: str, other_id: str, not_since: str) -> bool:
    """Record that `owner_id` is being mailed about the thread now, unless they were mailed
    at or after `not_since` (a conditional write: two messages at once send one mail)."""
    now = iso(utc_now())
    try:
        InboxEntry(owner_id, other_id).update(
            actions=[InboxEntry.notified_at.set(now)],
            condition=InboxEntry.notified_at.does_not_exist() | (InboxEntry.notified_at < not_since))
    except UpdateError as exc:
        if not _condition_failed(exc):
            raise
        return False
    return True


def release_notification(owner_id: str, other_id: str) -> None:
    """Forget a claim whose mail could not be sent, so the next message tries again."""
    InboxEntry(owner_id, other_id).update(actions=[InboxEntry.notified_at.remove()])


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW_CHARS else flat[:PREVIEW_CHARS - 1] + "…"


def _condition_failed(exc: UpdateError) -> bool:
    return getattr(exc, "cause_response_code", None) == "ConditionalCheckFailedException"
