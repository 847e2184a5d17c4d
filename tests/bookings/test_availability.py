"""Therapists set weekly availability and time off over HTTP; viewers see slots in their zone."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.support.scheduling import approved_therapist, free_slots

pytestmark = pytest.mark.stack


def _next_monday() -> datetime:
    today = datetime.now(timezone.utc).date()
    monday = today + timedelta(days=(7 - today.weekday()) % 7 or 7)
    return datetime.combine(monday, datetime.min.time(), tzinfo=timezone.utc)


@pytest.fixture
def london_mornings(stack, admin):
    return approved_therapist(stack, admin, weekly=[
        {"weekday": 1, "start": "09:00", "end": "11:00"}], time_zone="Europe/London")


def test_slots_are_shown_in_the_viewers_zone_and_their_calendar_days(london_mornings, patient):
    monday = _next_monday()
    tokyo = free_slots(patient, london_mornings.user_id, days=0, tz="Asia/Tokyo", start=monday)
    assert [s["local_start"][11:16] for s in tokyo] in (["18:00", "19:00"], ["17:00", "18:00"])
    assert all(s["local_start"].endswith("+09:00") for s in tokyo)
    # Tokyo's Tuesday holds none of London's Monday mornings.
    tuesday = free_slots(patient, london_mornings.user_id, days=0, tz="Asia/Tokyo",
                         start=monday + timedelta(days=1))
    assert tuesday == []


def test_time_off_removes_slots(london_mornings, patient):
    monday = _next_monday()
    day = monday.date().isoformat()
    response = london_mornings.put("/therapists/me/availability", json={
        "weekly": [{"weekday": 1, "start": "09:00", "end": "11:00"}],
        "exceptions": [{"start": f"{day}T00:00", "end": f"{day}T23:59", "reason": "holiday"}]})
    assert response.status_code == 200, response.text
    assert free_slots(patient, london_mornings.user_id, days=0, start=monday) == []


@pytest.mark.parametrize("body, field", [
    ({"weekly": [{"weekday": 1, "start": "11:00", "end": "09:00"}]}, "weekly[0].end"),
    ({"weekly": [{"weekday": 8, "start": "09:00", "end": "10:00"}]}, "weekly[0].weekday"),
    ({"weekly": [{"weekday": 1, "start": "9am", "end": "10:00"}]}, "weekly[0].start"),
    ({"weekly": "mondays"}, "weekly"),
    ({"weekly": [], "exceptions": [{"start": "2020-01-01T00:00:00Z",
                                    "end": "2020-01-02T00:00:00Z"}]}, "exceptions[0].end"),
    ({"weekly": [], "exceptions": [{"start": "2030-01-02T00:00:00Z",
                                    "end": "2030-01-01T00:00:00Z"}]}, "exceptions[0].end"),
])
def test_invalid_availability_is_400_naming_the_field(london_mornings, body, field):
    response = london_mornings.put("/therapists/me/availability", json=body)
    assert response.status_code == 400, response.text
    assert response.json()["field"] == field


def test_a_window_ending_before_it_starts_is_explained_for_people(london_mornings):
    response = london_mornings.put("/therapists/me/availability", json={
        "weekly": [{"weekday": 7, "start": "17:00", "end": "09:00"}]})
    assert response.status_code == 400
    assert response.json() == {"error": "Your Sunday window ends before it starts (17:00 to 09:00): "
                                        "choose an end time after the start time.",
                               "field": "weekly[0].end"}


@pytest.mark.parametrize("params, field", [
    ({"from": "2030-01-10", "to": "2030-01-01"}, "to"),
    ({"from": "2030-01-01", "to": "2030-03-01"}, "to"),
    ({"from": "yesterday", "to": "2030-01-01"}, "from"),
    ({"from": "2030-01-01", "to": "2030-01-02", "tz": "Mars/Olympus"}, "tz"),
    ({"to": "2030-01-02"}, "from"),
])
def test_invalid_slot_queries_are_400(london_mornings, patient, params, field):
    response = patient.get(f"/therapists/{london_mornings.user_id}/slots", params=params)
    assert response.status_code == 400
    assert response.json()["field"] == field
