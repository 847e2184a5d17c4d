"""Matching and booking offer only therapists licensed where the patient is (issue 24, point 8)."""
from __future__ import annotations

import pytest

from tests.support.scheduling import book, slot_after

pytestmark = pytest.mark.stack


@pytest.fixture
def new_york_therapist(people):
    return people.therapist(jurisdiction="US-NY", name="Dr. New York")


def _matched(patient, **intake) -> set[str]:
    response = patient.post("/matches", json={"concerns": ["anxiety"], **intake})
    assert response.status_code == 200, response.text
    return {m["therapist"]["therapist_id"] for m in response.json()["matches"]}


def test_a_patient_in_gb_is_not_offered_a_therapist_licensed_only_in_us_ny(
        patient, therapist, new_york_therapist):
    assert patient.get("/me").json()["country"] == "GB"
    matched = _matched(patient)
    assert new_york_therapist.user_id not in matched
    assert therapist.user_id in matched  # licensed in the UK ("UK" is GB)

    refused = book(patient, new_york_therapist.user_id,
                   slot_after(patient, new_york_therapist.user_id, 30))
    assert refused.status_code == 400
    assert "licensed in US-NY" in refused.json()["error"] and "GB" in refused.json()["error"]
    chosen = patient.put("/me/therapist", json={"therapist_id": new_york_therapist.user_id})
    assert chosen.status_code == 400 and "licensed" in chosen.json()["error"]


def test_the_location_given_at_intake_is_the_patients(patient, new_york_therapist):
    assert new_york_therapist.user_id in _matched(patient, location="US-NY")
    booked = book(patient, new_york_therapist.user_id,
                  slot_after(patient, new_york_therapist.user_id, 30))
    assert booked.status_code == 201, booked.text
    assert new_york_therapist.user_id not in _matched(patient, location="US-CA")
    assert patient.post("/matches", json={"concerns": ["anxiety"],
                                          "location": "New York"}).status_code == 400


def test_the_profile_says_where_the_therapist_is_licensed(patient, new_york_therapist):
    profile = patient.get(f"/therapists/{new_york_therapist.user_id}")
    assert profile.json()["licensed_in"] == ["US-NY"]
    wrong = new_york_therapist.put("/therapists/me", json={"jurisdiction": "New York State"})
    assert wrong.status_code == 400 and wrong.json()["field"] == "jurisdiction"
    both = new_york_therapist.put("/therapists/me", json={"jurisdiction": "US-NY, uk"})
    assert both.status_code == 200 and both.json()["licensed_in"] == ["US-NY", "GB"]


def test_where_the_patient_confirmed_being_does_not_break_booking(patient, therapist):
    """The place confirmed before a session (country, region, city) lives beside the intake
    place in the profile; booking read it as the intake code and answered 500."""
    located = patient.post("/me/location", json={"country": "GB", "region": "Wales"})
    assert located.status_code == 200, located.text
    booked = book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 30))
    assert booked.status_code == 201, booked.text
