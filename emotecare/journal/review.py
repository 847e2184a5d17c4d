"""A journal entry's text goes through the same safety check and crisis flow as chat."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from emotecare.journal.entries import JournalEntry, check_entry_safety
from emotecare.safety import CRISIS_FLAGGED, CrisisReply, SafetyResult, build_crisis_reply, build_safety_event


@dataclass(frozen=True)
class EntryReview:
    """The check's verdict on an entry, with the crisis reply and event when it fired."""

    result: SafetyResult
    crisis_reply: CrisisReply | None = None
    safety_event: dict | None = None


def review_entry(entry: JournalEntry, country: str | None = None, therapist_name: str | None = None,
                 now: datetime | None = None) -> EntryReview:
    """Check an entry's text; a crisis gets the same reply and safety event as a chat message."""
    result = check_entry_safety(entry)
    if not result.crisis:
        return EntryReview(result=result)
    event = build_safety_event(CRISIS_FLAGGED, "journal", result, now, entry_id=entry.entry_id, mood=entry.mood)
    return EntryReview(result=result, crisis_reply=build_crisis_reply(result.category, country, therapist_name),
                       safety_event=event)
