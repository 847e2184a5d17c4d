"""The one clock, and UTC time as the tables store it: ISO-8601 with a `Z` (sorts as text).

Two precisions, each for its own kind of value and never mixed within one attribute (text
order breaks between them at equal seconds: `.` sorts before `Z`):
- `iso`: milliseconds, for what machines record (emotion records, events, messages);
- `iso_seconds`: whole seconds, for instants people choose or see (bookings, slots, grants).
"""
from __future__ import annotations

from datetime import datetime, timezone


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def iso(moment: datetime) -> str:
    """`moment` as "YYYY-MM-DDTHH:MM:SS.mmmZ"."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + \
        f"{moment.microsecond // 1000:03d}Z"


def iso_seconds(moment: datetime) -> str:
    """`moment` as "YYYY-MM-DDTHH:MM:SSZ" (bookings, slots, grants: see the module's note)."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_from_ms(epoch_ms: int) -> str:
    return iso(datetime.fromtimestamp(epoch_ms / 1000, tz=timezone.utc))


def parse_iso(text: str) -> datetime:
    """Parse a stored or wire time ("…Z", with or without fractions) as an aware datetime."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def ms_from_iso(text: str) -> int:
    return int(parse_iso(text).timestamp() * 1000)


def epoch_ms() -> int:
    """Now as milliseconds since the Unix epoch (capture times, signal order)."""
    return int(utc_now().timestamp() * 1000)


def epoch_s() -> float:
    """Now as seconds since the Unix epoch (expiry times, rate windows)."""
    return utc_now().timestamp()
