"""Therapists see their own patients and private notes; switching keeps notes apart."""
from __future__ import annotations

import pytest

from tests.support.accounts import make_user
from tests.support.scheduling import approved_therapist, book, confirmed_booking, slot_after

pytestmark = pytest.mark.stack


def test_therapist_lists_only_patients_who_booked_them(stack, admin, therapist, patient):
    book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 30))
    other = approved_therapist(stack, admin)
    listed = therapist.get("/patients").json()["patients"]
    assert [p["patient_id"] for p in listed] == [patient.user_id]
    assert listed[0]["next_session"] is not None
    assert other.get("/patients").json()["patients"] == []


def test_a_pending_booking_lists_the_patient_but_grants_nothing(stack, therapist, patient):
    book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 30))
    assert [p["care"] for p in therapist.get("/patients").json()["patients"]] == [None]
    assert therapist.get(f"/patients/{patient.user_id}/notes").status_code == 404
    assert therapist.put(f"/patients/{patient.user_id}/notes", json={"text": "x"}).status_code == 404


def test_declined_request_does_not_make_a_patient(stack, therapist, patient):
    booking = book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 30)).json()
    therapist.post(f"/bookings/{booking['booking_id']}/decline", json={"reason": "full"})
    assert therapist.get("/patients").json()["patients"] == []
    assert therapist.get(f"/patients/{patient.user_id}/notes").status_code == 404


def test_private_notes_are_read_only_by_their_author(stack, admin, therapist, patient):
    confirmed_booking(patient, therapist)
    path = f"/patients/{patient.user_id}/notes"
    saved = therapist.put(path, json={"text": "Sleeps badly before exams."})
    assert saved.status_code == 200
    assert therapist.get(path).json()["text"] == "Sleeps badly before exams."
    assert patient.get(path).status_code == 403
    assert approved_therapist(stack, admin).get(path).status_code == 404
    assert admin.get(path).status_code == 403
    too_long = therapist.put(path, json={"text": "x" * 20_001})
    assert too_long.status_code == 400 and too_long.json()["field"] == "text"


def test_switching_therapist_leaves_the_old_notes_behind(stack, admin, therapist, patient):
    confirmed_booking(patient, therapist)
    assert patient.put("/me/therapist", json={"therapist_id": therapist.user_id}).status_code == 200
    therapist.put(f"/patients/{patient.user_id}/notes", json={"text": "Old therapist's view"})

    new = approved_therapist(stack, admin)
    switched = patient.put("/me/therapist", json={"therapist_id": new.user_id})
    assert switched.status_code == 200 and switched.json()["therapist_id"] == new.user_id
    confirmed_booking(patient, new, hours=80)
    notes = new.get(f"/patients/{patient.user_id}/notes")
    assert notes.status_code == 200 and notes.json()["text"] == ""
    assert therapist.get(f"/patients/{patient.user_id}/notes").json()["text"] == (
        "Old therapist's view")
    unknown = patient.put("/me/therapist", json={"therapist_id": "nobody"})
    assert unknown.status_code == 400 and unknown.json()["field"] == "therapist_id"


def test_matches_are_ranked_with_reasons(stack, admin, patient):
    anxious = approved_therapist(stack, admin, specialties=["anxiety", "sleep"],
                                 price_per_session=30, years_experience=10)
    other = approved_therapist(stack, admin, specialties=["grief"], price_per_session=200,
                               years_experience=1)
    french = approved_therapist(stack, admin, languages=["fr"], specialties=["anxiety"])
    response = patient.post("/matches", json={
        "concerns": ["anxiety", "sleep"], "therapy_type": "individual", "language": "en",
        "times": [{"weekday": d, "from": "00:00", "to": "24:00"} for d in range(1, 8)],
        "budget": 50})
    assert response.status_code == 200, response.text
    matches = response.json()["matches"]
    ranked = [m["therapist"]["therapist_id"] for m in matches]
    assert ranked.index(anxious.user_id) < ranked.index(other.user_id)
    assert french.user_id not in ranked
    best = next(m for m in matches if m["therapist"]["therapist_id"] == anxious.user_id)
    assert any("anxiety, sleep" in r for r in best["reasons"])
    assert any("within your budget" in r for r in best["reasons"])
    worst = next(m for m in matches if m["therapist"]["therapist_id"] == other.user_id)
    assert any("above your budget" in r for r in worst["reasons"])
    assert [m["rank"] for m in matches] == list(range(1, len(matches) + 1))
    assert all(a["score"] >= b["score"] for a, b in zip(matches, matches[1:]))


@pytest.mark.parametrize("body, field", [
    ({"concerns": []}, "concerns"),
    ({"concerns": ["vampires"]}, "concerns[0]"),
    ({"concerns": ["anxiety"], "budget": -5}, "budget"),
    ({"concerns": ["anxiety"], "times": [{"weekday": 1, "from": "10:00", "to": "09:00"}]},
     "times[0].to"),
])
def test_invalid_intake_is_400(patient, body, field):
    response = patient.post("/matches", json=body)
    assert response.status_code == 400 and response.json()["field"] == field


def test_therapist_browse_filters(stack, admin):
    cheap = approved_therapist(stack, admin, specialties=["ocd"], price_per_session=20,
                               languages=["de"])
    anyone = make_user(stack, "patient")
    found = anyone.get("/therapists", params={"specialty": "ocd", "language": "de",
                                              "max_price": "25"}).json()["therapists"]
    assert [t["therapist_id"] for t in found] == [cheap.user_id]
    assert anyone.get("/therapists", params={"max_price": "cheap"}).status_code == 400
    assert anyone.get("/therapists", params={"specialty": "x"}).json()["field"] == "specialty"
