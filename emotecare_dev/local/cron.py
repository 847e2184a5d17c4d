"""Evaluate EventBridge `rate(...)` and `cron(...)` expressions for the local scheduler.

`croniter` does the matching; EventBridge's dialect differs from classic cron in three ways
that are translated here: a sixth field (the year), `?` for "no specific value", and numeric
days of the week counted 1 = Sunday … 7 = Saturday (classic cron: 0 = Sunday).
"""
from __future__ import annotations

import re
from datetime import datetime

from croniter import croniter

_UNITS = {"minute": 60, "minutes": 60, "hour": 3600, "hours": 3600, "day": 86400, "days": 86400}


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
    if not _year_matches(year, when.year):
        return False
    classic = " ".join(f.replace("?", "*") for f in (minute, hour, dom, month, _classic_dow(dow)))
    return croniter.match(classic, when.replace(second=0, microsecond=0))


def _classic_dow(field: str) -> str:
    """EventBridge's numeric days (1 = Sunday) as classic cron's (0 = Sunday); names stay."""
    return re.sub(r"\d+", lambda m: str(int(m.group()) - 1), field)


def _year_matches(field: str, year: int) -> bool:
    if field in ("*", "?"):
        return True
    return any(int(low) <= year <= int(high or low)
               for low, _, high in (part.partition("-") for part in field.split(",")))
