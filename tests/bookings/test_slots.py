"""Free slots from weekly availability, exceptions and bookings, across DST changes."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from emotecare.db.models import Therapist
from emotecare.therapists.slots import free_slots

UTC = timezone.utc
LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)


def _therapist(zone: str, weekly: list[dict], exceptions: list[dict] | None = None) -> Therapist:
    return Therapist("t-1", status="approved", profile={"time_zone": zone},
                     availability={"weekly": weekly, "exceptions": exceptions or []})


def _starts(therapist, day_from: datetime, days: int = 1, booked=(), now=LONG_AGO) -> list[str]:
    slots = free_slots(therapist, day_from, day_from + timedelta(days=days), list(booked), now)
    return [s.starts_at.strftime("%Y-%m-%dT%H:%MZ") for s in slots]


def test_slots_follow_the_therapists_clock_across_the_spring_change():
    london = _therapist("Europe/London", [{"weekday": 1, "start": "09:00", "end": "12:00"}])
    # Monday 23 March 2026 is GMT (UTC+0); Monday 30 March is BST (UTC+1).
    assert _starts(london, datetime(2026, 3, 23, tzinfo=UTC)) == [
        "2026-03-23T09:00Z", "2026-03-23T10:00Z", "2026-03-23T11:00Z"]
    assert _starts(london, datetime(2026, 3, 30, tzinfo=UTC)) == [
        "2026-03-30T08:00Z", "2026-03-30T09:00Z", "2026-03-30T10:00Z"]


def test_wall_clock_hour_skipped_by_spring_forward_is_not_offered():
    new_york = _therapist("America/New_York", [{"weekday": 7, "start": "01:00", "end": "04:00"}])
    # Sunday 8 March 2026: 02:00 EST jumps to 03:00 EDT, so 02:00 does not exist.
    assert _starts(new_york, datetime(2026, 3, 8, tzinfo=UTC)) == [
        "2026-03-08T06:00Z", "2026-03-08T07:00Z"]


def test_wall_clock_hour_repeated_by_fall_back_is_offered_once():
    new_york = _therapist("America/New_York", [{"weekday": 7, "start": "00:00", "end": "03:00"}])
    # Sunday 1 November 2026: 01:00 happens twice (EDT, then EST).
    assert _starts(new_york, datetime(2026, 11, 1, tzinfo=UTC)) == [
        "2026-11-01T04:00Z", "2026-11-01T05:00Z", "2026-11-01T07:00Z"]


def test_session_must_fit_in_the_window():
    short = _therapist("UTC", [{"weekday": 1, "start": "09:30", "end": "11:45"}])
    # On the hour only, and 50 minutes must fit: 10:00 fits (ends 10:50), 11:00 does not.
    assert _starts(short, datetime(2026, 3, 23, tzinfo=UTC)) == ["2026-03-23T10:00Z"]


def test_window_to_midnight_offers_the_last_hour():
    late = _therapist("UTC", [{"weekday": 1, "start": "22:00", "end": "24:00"}])
    assert _starts(late, datetime(2026, 3, 23, tzinfo=UTC)) == [
        "2026-03-23T22:00Z", "2026-03-23T23:00Z"]


def test_exceptions_and_bookings_remove_overlapping_slots():
    therapist = _therapist("UTC", [{"weekday": 1, "start": "09:00", "end": "13:00"}], [
        {"start": "2026-03-23T09:30:00Z", "end": "2026-03-23T10:15:00Z", "reason": "dentist"}])
    booked = [(datetime(2026, 3, 23, 12, tzinfo=UTC), datetime(2026, 3, 23, 12, 50, tzinfo=UTC))]
    assert _starts(therapist, datetime(2026, 3, 23, tzinfo=UTC), booked=booked) == [
        "2026-03-23T11:00Z"]


def test_past_slots_are_not_offered():
    therapist = _therapist("UTC", [{"weekday": 1, "start": "09:00", "end": "12:00"}])
    now = datetime(2026, 3, 23, 10, 0, tzinfo=UTC)
    assert _starts(therapist, datetime(2026, 3, 23, tzinfo=UTC), now=now) == ["2026-03-23T11:00Z"]


@pytest.mark.parametrize("zone", ["Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe"])
def test_odd_offsets_give_on_the_hour_local_starts(zone):
    from zoneinfo import ZoneInfo

    therapist = _therapist(zone, [{"weekday": d, "start": "09:00", "end": "17:00"}
                                  for d in range(1, 8)])
    slots = free_slots(therapist, datetime(2026, 3, 23, tzinfo=UTC),
                       datetime(2026, 3, 30, tzinfo=UTC), [], LONG_AGO)
    assert len(slots) == 7 * 8
    assert all(s.starts_at.astimezone(ZoneInfo(zone)).minute == 0 for s in slots)
