"""Hostile bodies get a 400 naming the field, never a 500 (issue 17, point 3)."""
from __future__ import annotations

import pytest
import requests

from tests.support.scheduling import book

pytestmark = pytest.mark.stack


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("method, path", [("POST", "/journal"), ("PATCH", "/me"),
                                          ("POST", "/auth/signin"), ("POST", "/chat/messages")])
@pytest.mark.parametrize("depth", [100, 5000])
def test_deeply_nested_json_is_a_400_naming_the_field(stack, patient, method, path, depth):
    raw = '{"notes": ' + _nested(depth) + "}"
    response = requests.request(method, f"{stack.api_url}{path}", data=raw,
                                headers={**patient.headers, "Content-Type": "application/json"},
                                timeout=30)
    assert response.status_code == 400, (response.status_code, response.text[:300])
    assert response.json()["field"] == "notes"
    assert "nested" in response.json()["error"]


def test_a_deeply_nested_body_without_fields_is_a_400(stack, patient):
    response = requests.post(f"{stack.api_url}/journal", data=_nested(5000),
                             headers={**patient.headers, "Content-Type": "application/json"},
                             timeout=30)
    assert response.status_code == 400, response.text[:300]
    assert "nested" in response.json()["error"]


@pytest.mark.parametrize("starts_at", ["9999-12-31T23:59:59Z", "9999-12-31T23:59:59-14:00",
                                       "0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00Z",
                                       "2999-01-01T10:00:00Z"])
def test_a_booking_in_an_impossible_year_is_a_400_naming_starts_at(stack, patient, therapist,
                                                                    starts_at):
    response = book(patient, therapist.user_id, starts_at)
    assert response.status_code == 400, (response.status_code, response.text[:300])
    assert response.json()["field"] == "starts_at"


@pytest.mark.parametrize("query", [{"from": "9999-12-31", "to": "9999-12-31"},
                                   {"from": "0001-01-01", "to": "0001-01-02"}])
def test_slots_of_impossible_dates_are_a_400(stack, patient, therapist, query):
    response = patient.get(f"/therapists/{therapist.user_id}/slots", params={**query, "tz": "UTC"})
    assert response.status_code == 400, (response.status_code, response.text[:300])
    assert response.json()["field"] in ("from", "to")


@pytest.mark.parametrize("body", [{"mood": 10 ** 400}, {"mood": 5, "sleep_hours": 1e308},
                                  {"mood": 5, "created_at": "9999-12-31T23:59:59-14:00"}])
def test_extreme_numbers_and_dates_in_a_journal_entry_are_a_400(stack, patient, body):
    response = patient.post("/journal", json=body)
    assert response.status_code == 400, (response.status_code, response.text[:300])
    assert response.json()["field"] in body


def test_an_infinite_number_is_a_400(stack, patient):
    response = requests.post(f"{stack.api_url}/journal", data='{"mood": 1e999}',
                             headers={**patient.headers, "Content-Type": "application/json"},
                             timeout=30)
    assert response.status_code == 400, (response.status_code, response.text[:300])
    assert response.json()["field"] == "mood"
