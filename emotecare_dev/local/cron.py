"""Evaluate EventBridge `rate(...)` and `cron(...)` expressions for the local scheduler."""
from __future__ import annotations

import re
from datetime import datetime

_UNITS = {"minute": 60, "minutes": 60, "hour": 3600, "hours": 3600, "day": 86400, "days": 86400}
_DAYS = {"SUN": 1, "MON": 2, "TUE": 3, "WED": 4, "THU": 5, "FRI": 6, "SAT": 7}
_MONTHS = {m: i for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1)}


def rate_seconds(expression: str) -> int | None:
    """Seconds between runs of a `rate(N unit)` expression; None for cron expressions."""
    match = re.fullmatch(r"rate\((\d+)\s+(\w+)\)", expression.strip())
    if not match:
        return None
    return int(match.group(1)) * _UNITS[match.group(2).lower()]


def schedule_matches(expression: str, when: datetime) -> bool:
    """Whether `cron(min hour dom month dow year)` fires at `when` (UTC, minute precision)."""
    match = re.fullmatch(r"cron\((.+)\)", expression.strip())
    if not match:
        raise ValueError(f"not a schedule expression: {expression!r}")
    minute, hour, dom, month, dow, year = match.group(1).split()
    eventbridge_dow = (when.isoweekday() % 7) + 1  # EventBridge: 1 = Sunday … 7 = Saturday
    return (_field_matches(minute, when.minute, {}) and _field_matches(hour, when.hour, {})
            and _field_matches(dom, when.day, {}) and _field_matches(month, when.month, _MONTHS)
            and _field_matches(dow, eventbridge_dow, _DAYS) and _field_matches(year, when.year, {}))


def _field_matches(field: str, value: int, names: dict[str, int]) -> bool:
    if field in ("*", "?"):
        return True
    for part in field.split(","):
        step = 1
        if "/" in part:
            part, step_text = part.split("/")
            step = int(step_text)
        if part in ("*", ""):
            low, high = 0, 10_000
        elif "-" in part:
            low, high = (_value(p, names) for p in part.split("-"))
        else:
            low = high = _value(part, names)
        if low <= value <= high and (value - low) % step == 0:
            return True
    return False


def _value(text: str, names: dict[str, int]) -> int:
    return names.get(text.upper(), None) or int(text)
