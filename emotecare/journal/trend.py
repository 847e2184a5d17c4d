"""Weekly mood trend from journal entries, for the patient's and therapist's charts."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import mean

from emotecare.clock import utc_now
from emotecare.journal.entries import JournalEntry

# A change of half a point in the weekly mean (on a 1-10 scale) is the smallest we call a trend;
# smaller week-to-week wobble is noise.
TREND_THRESHOLD = 0.5


@dataclass(frozen=True)
class WeekMood:
    """Mood summary for one ISO week (Monday start)."""

    week_start: date
    entries: int
    mean_mood: float
    lowest: int
    highest: int
    mean_sleep: float | None

    def to_dict(self) -> dict:
        """Return the JSON-ready form."""
        return {"week_start": self.week_start.isoformat(), "entries": self.entries, "mean_mood": self.mean_mood,
                "lowest": self.lowest, "highest": self.highest, "mean_sleep": self.mean_sleep}


def compute_weekly_trend(entries: list[JournalEntry], weeks: int | None = None,
                         today: date | None = None) -> list[WeekMood]:
    """Group entries by week and average the mood, oldest week first.

    With `weeks`, only the last `weeks` weeks up to `today` are kept; weeks without entries
    are left out rather than shown as zero, so the chart does not invent low moods.
    """
    by_week: dict[date, list[JournalEntry]] = {}
    for entry in entries:
        day = entry.created_at.date() if isinstance(entry.created_at, datetime) else entry.created_at
        by_week.setdefault(day - timedelta(days=day.weekday()), []).append(entry)
    if weeks is not None:
        today = today or utc_now().date()
        first = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
        by_week = {start: group for start, group in by_week.items() if start >= first}
    return [_summarise_week(start, by_week[start]) for start in sorted(by_week)]


def describe_trend(weekly: list[WeekMood]) -> str:
    """Return "improving", "worsening", "steady" or "not_enough_data" from the last two weeks."""
    if len(weekly) < 2:
        return "not_enough_data"
    change = weekly[-1].mean_mood - weekly[-2].mean_mood
    if change >= TREND_THRESHOLD:
        return "improving"
    if change <= -TREND_THRESHOLD:
        return "worsening"
    return "steady"


def _summarise_week(start: date, group: list[JournalEntry]) -> WeekMood:
    moods = [e.mood for e in group]
    sleeps = [e.sleep_hours for e in group if e.sleep_hours is not None]
    return WeekMood(week_start=start, entries=len(group), mean_mood=round(mean(moods), 2), lowest=min(moods),
                    highest=max(moods), mean_sleep=round(mean(sleeps), 2) if sleeps else None)
