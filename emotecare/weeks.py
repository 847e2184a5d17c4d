"""ISO weeks in a patient's own time zone."""
from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from emotecare.errors import ValidationError

_WEEK = re.compile(r"^([0-9]{4})-W([0-9]{2})$")


def parse_week(text: str) -> tuple[int, int]:
    """`"2026-W47"` → (2026, 47), or `ValidationError` naming the field."""
    match = _WEEK.match(text or "")
    if not match:
        raise ValidationError("week must look like YYYY-Www, e.g. 2026-W47", field="week")
    year, week = int(match.group(1)), int(match.group(2))
    try:
        date.fromisocalendar(year, week, 1)
    except ValueError as exc:
        raise ValidationError(f"{text} is not a week of {year}", field="week") from exc
    return year, week


def week_bounds_utc(week: str, time_zone: str) -> tuple[datetime, datetime]:
    """UTC start (inclusive) and end (exclusive) of Monday–Sunday `week` in `time_zone`."""
    year, number = parse_week(week)
    zone = ZoneInfo(time_zone)
    monday = date.fromisocalendar(year, number, 1)
    start = datetime.combine(monday, time.min, zone)
    end = datetime.combine(monday + timedelta(days=7), time.min, zone)
    return start.astimezone(timezone.utc), end.astimezone(timezone.utc)


def previous_week(now: datetime) -> str:
    """The ISO week before the one containing `now`."""
    year, week, _ = (now - timedelta(days=7)).isocalendar()
    return f"{year}-W{week:02d}"


def week_of(moment: datetime, time_zone: str) -> str:
    """The ISO week ("YYYY-Www") that contains `moment` on the wall clock of `time_zone`."""
    year, week, _ = moment.astimezone(ZoneInfo(time_zone)).isocalendar()
    return f"{year}-W{week:02d}"


def shift_week(week: str, weeks: int) -> str:
    """The ISO week `weeks` after `week` (negative: before)."""
    year, number = parse_week(week)
    monday = date.fromisocalendar(year, number, 1) + timedelta(weeks=weeks)
    shifted_year, shifted_week, _ = monday.isocalendar()
    return f"{shifted_year}-W{shifted_week:02d}"


def week_days(week: str) -> list[date]:
    """The seven local dates, Monday to Sunday, of `week`."""
    year, number = parse_week(week)
    monday = date.fromisocalendar(year, number, 1)
    return [monday + timedelta(days=i) for i in range(7)]


def to_utc_text(moment: datetime) -> str:
    """`moment` as the UTC ISO-8601 text the tables store (`…Z`, sorts lexicographically)."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_utc_text(text: str) -> datetime:
    """A stored UTC time (`2026-11-16T09:00:00Z`, fractions allowed) as an aware datetime."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc)
