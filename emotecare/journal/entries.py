"""Mood-journal entries: what a valid entry is, and how an edit is applied.

The entry's free text goes through the same safety check as a chat message
(`check_entry_safety`); a crisis entry starts the same crisis flow.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import datetime

from emotecare.clock import utc_now
from emotecare.safety import SafetyResult, check_message
from emotecare.errors import ValidationError
from emotecare.fields import check_year

MAX_TEXT_CHARS = 5000
MAX_TAGS = 10
FEELING_TAGS = frozenset({
    "anxious", "angry", "ashamed", "bored", "calm", "confident", "confused", "content", "energetic",
    "excited", "frustrated", "grateful", "guilty", "happy", "hopeful", "hopeless", "hurt", "irritable",
    "jealous", "lonely", "loved", "motivated", "numb", "overwhelmed", "panicky", "peaceful", "proud",
    "relaxed", "relieved", "restless", "sad", "scared", "stressed", "tired", "worried",
})
_EDITABLE = ("mood", "tags", "text", "sleep_hours")


@dataclass(frozen=True)
class JournalEntry:
    """One validated journal entry."""

    mood: int
    created_at: datetime
    tags: tuple[str, ...] = ()
    text: str = ""
    sleep_hours: float | None = None
    entry_id: str | None = None
    updated_at: datetime | None = None

    def to_dict(self) -> dict:
        """Return the JSON-ready form (datetimes as ISO 8601)."""
        data = asdict(self)
        data["tags"] = list(self.tags)
        data["created_at"] = self.created_at.isoformat()
        data["updated_at"] = self.updated_at.isoformat() if self.updated_at else None
        return data


def validate_entry(data: dict, now: datetime | None = None) -> JournalEntry:
    """Build a `JournalEntry` from request data, or raise `ValidationError` naming the field."""
    if not isinstance(data, dict):
        raise ValidationError("entry: must be an object", field="entry")
    unknown = set(data) - set(_EDITABLE) - {"created_at", "entry_id", "updated_at"}
    if unknown:
        field = sorted(unknown)[0]
        raise ValidationError(f"{field}: is not a journal field", field=field)
    return JournalEntry(
        mood=_validate_mood(data.get("mood")),
        tags=_validate_tags(data.get("tags", ())),
        text=_validate_text(data.get("text", "")),
        sleep_hours=_validate_sleep(data.get("sleep_hours")),
        created_at=_parse_time(data.get("created_at"), "created_at") or now or utc_now(),
        entry_id=data.get("entry_id"),
        updated_at=_parse_time(data.get("updated_at"), "updated_at"),
    )


def apply_edit(entry: JournalEntry, changes: dict, now: datetime | None = None) -> JournalEntry:
    """Return `entry` with `changes` (mood, tags, text, sleep_hours) applied and re-validated."""
    bad = set(changes) - set(_EDITABLE)
    if bad:
        field = sorted(bad)[0]
        raise ValidationError(f"{field}: cannot be edited", field=field)
    merged = {**entry.to_dict(), **changes, "updated_at": None}
    edited = validate_entry(merged)
    return replace(edited, updated_at=now or utc_now())


def check_entry_safety(entry: JournalEntry) -> SafetyResult:
    """Run the chat safety check over the entry's text (a crisis entry starts the crisis flow)."""
    return check_message(entry.text)


def _validate_mood(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("mood: must be a whole number from 1 to 10", field="mood")
    if not 1 <= value <= 10:
        raise ValidationError(f"Choose a mood from 1 (very low) to 10 (great); {value} is outside that.",
                              field="mood")
    return value


def _validate_tags(value) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise ValidationError("tags: must be a list of feeling words", field="tags")
    if len(value) > MAX_TAGS:
        raise ValidationError(f"tags: at most {MAX_TAGS} feelings", field="tags")
    tags = []
    for tag in value:
        name = tag.strip().lower() if isinstance(tag, str) else tag
        if name not in FEELING_TAGS:
            raise ValidationError(f"tags: unknown feeling {tag!r}", field="tags")
        if name not in tags:
            tags.append(name)
    return tuple(tags)


def _validate_text(value) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError("text: must be text", field="text")
    if len(value) > MAX_TEXT_CHARS:
        raise ValidationError(f"Your entry is {len(value):,} characters long; an entry holds at most "
                              f"{MAX_TEXT_CHARS:,}. Shorten it, or split it into two entries.", field="text")
    return value


def _validate_sleep(value) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:  # NaN
        raise ValidationError("sleep_hours: must be a number of hours", field="sleep_hours")
    if not 0 <= value <= 24:
        raise ValidationError(f"Hours of sleep go from 0 to 24; {value} is outside that.", field="sleep_hours")
    return float(value)


def _parse_time(value, name: str) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    try:
        return check_year(datetime.fromisoformat(value), name)
    except (TypeError, ValueError):
        raise ValidationError(f"{name}: must be an ISO 8601 date-time", field=name) from None
