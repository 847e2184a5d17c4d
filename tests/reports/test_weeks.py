"""A patient's week is Monday–Sunday on their own clock, across daylight-saving changes."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from emotecare.errors import ValidationError
from emotecare.weeks import parse_week, shift_week, week_bounds_utc, week_of


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


@pytest.mark.parametrize("moment, time_zone, week", [
    # Sunday 23:30 in New York (UTC-5) is Monday 04:30 UTC: still the Sunday's week.
    ("2026-11-23T04:30:00", "America/New_York", "2026-W47"),
    ("2026-11-23T05:30:00", "America/New_York", "2026-W48"),
    # New York leaves DST on Sunday 1 November 2026: 23:30 EST that night is 04:30 UTC;
    # a fixed summer offset (UTC-4) would have put it in the next week.
    ("2026-11-02T04:30:00", "America/New_York", "2026-W44"),
    ("2026-11-02T05:00:00", "America/New_York", "2026-W45"),
    # London enters DST on Sunday 29 March 2026: 23:30 BST is 22:30 UTC that Sunday,
    # and 23:30 UTC is already Monday 00:30 BST.
    ("2026-03-29T22:30:00", "Europe/London", "2026-W13"),
    ("2026-03-29T23:30:00", "Europe/London", "2026-W14"),
    # Sunday 23:30 in Auckland (UTC+13) is Sunday 10:30 UTC.
    ("2026-11-22T10:30:00", "Pacific/Auckland", "2026-W47"),
    ("2026-11-22T11:30:00", "Pacific/Auckland", "2026-W48"),
])
def test_a_moment_belongs_to_the_week_of_the_patients_wall_clock(moment, time_zone, week):
    assert week_of(utc(moment), time_zone) == week
    start, end = week_bounds_utc(week, time_zone)
    assert start <= utc(moment) < end


def test_a_week_containing_the_autumn_change_is_one_hour_longer():
    start, end = week_bounds_utc("2026-W44", "America/New_York")
    assert (start, end) == (utc("2026-10-26T04:00:00"), utc("2026-11-02T05:00:00"))
    assert (end - start).total_seconds() == 7 * 24 * 3600 + 3600


def test_a_week_containing_the_spring_change_is_one_hour_shorter():
    start, end = week_bounds_utc("2026-W13", "Europe/London")
    assert (start, end) == (utc("2026-03-23T00:00:00"), utc("2026-03-29T23:00:00"))


def test_weeks_shift_across_year_ends():
    assert shift_week("2026-W01", -1) == "2025-W52"
    assert shift_week("2026-W53", 1) == "2027-W01"


@pytest.mark.parametrize("text", ["2026-47", "2026-W54", "2025-W53", "", "W47"])
def test_malformed_weeks_are_rejected_naming_the_field(text):
    with pytest.raises(ValidationError) as error:
        parse_week(text)
    assert error.value.field == "week"
