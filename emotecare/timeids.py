"""Ids that sort by time and start with the ISO instant, for range keys that appear in URLs.

"2026-01-05T10:00:00.123Z-1a2b3c4d": a key-range query by ISO bounds (the weekly report's)
finds them, newest-first queries need no extra index, and the random tail keeps two ids of
the same millisecond apart. No '#' or '/', so the id can be a URL path segment.
"""
from __future__ import annotations

import re
import secrets
from datetime import datetime

from emotecare.clock import iso, utc_now

_SHAPE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{8}$")


def new_time_id(moment: datetime | None = None) -> str:
    """A fresh id for something that happened at `moment` (now by default)."""
    return f"{iso(moment or utc_now())}-{secrets.token_hex(4)}"


def is_time_id(value: object) -> bool:
    """Whether `value` has the shape of an id from `new_time_id` (cheap check before a read)."""
    return isinstance(value, str) and bool(_SHAPE.match(value))


def instant_of(time_id: str) -> str:
    """The ISO instant an id from `new_time_id` was made for (its `occurred_at`/`created_at`)."""
    return time_id.rsplit("-", 1)[0]
