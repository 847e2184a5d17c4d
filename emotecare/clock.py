"""UTC time as the tables store it: ISO-8601 with milliseconds and a `Z` (sorts as text)."""
from __future__ import annotations

from datetime import datetime, timezone


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def iso(moment: datetime) -> str:
    """`moment` as "YYYY-MM-DDTHH:MM:SS.mmmZ"."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + \
        f"{moment.microsecond // 1000:03d}Z"


def iso_from_ms(epoch_ms: int) -> str:
    return iso(datetime.fromtimestamp(epoch_ms / 1000, tz=timezone.utc))


def parse_iso(text: str) -> datetime:
    """Parse a stored or wire time ("…Z", with or without fractions) as an aware datetime."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def ms_from_iso(text: str) -> int:
    return int(parse_iso(text).timestamp() * 1000)
