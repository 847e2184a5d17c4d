"""Time-ordered ids: they sort by time, fall inside the weekly report's key ranges, and are URL-safe."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from emotecare.timeids import is_time_id, new_time_id

T0 = datetime(2026, 1, 5, 10, 0, 0, 123000, tzinfo=timezone.utc)


def test_ids_sort_by_time_and_start_with_the_instant():
    earlier, later = new_time_id(T0), new_time_id(T0 + timedelta(milliseconds=1))
    assert earlier < later
    assert earlier.startswith("2026-01-05T10:00:00.123Z-")
    assert "2026-01-05T00:00:00" <= earlier <= "2026-01-12T00:00:00"  # reports' week bounds


def test_two_ids_of_one_millisecond_differ_and_are_url_safe():
    ids = {new_time_id(T0) for _ in range(50)}
    assert len(ids) == 50
    assert all(is_time_id(i) and "#" not in i and "/" not in i for i in ids)


def test_other_strings_are_not_ids():
    for value in ("", "2026-01-05T10:00:00Z", "../etc/passwd", "2026-01-05T10:00:00.123Z-XYZ", None, 7):
        assert not is_time_id(value)
