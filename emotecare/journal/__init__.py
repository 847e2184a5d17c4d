"""Mood journal domain: entry validation and edits, the safety check on the text, weekly trend.

API layer entry points: `validate_entry(data)`, `apply_edit(entry, changes)`,
`check_entry_safety(entry)`, `review_entry(entry, country)` (reply + safety event), `compute_weekly_trend(entries, weeks)`, `describe_trend(weekly)`.
"""
from emotecare.journal.entries import (FEELING_TAGS, MAX_TEXT_CHARS, JournalEntry, apply_edit, check_entry_safety,
                                       validate_entry)
from emotecare.journal.review import EntryReview, review_entry
from emotecare.journal.trend import WeekMood, compute_weekly_trend, describe_trend
from emotecare.errors import ValidationError

__all__ = ["EntryReview", "review_entry", "FEELING_TAGS", "MAX_TEXT_CHARS", "JournalEntry", "ValidationError", "WeekMood", "apply_edit",
           "check_entry_safety", "compute_weekly_trend", "describe_trend", "validate_entry"]
