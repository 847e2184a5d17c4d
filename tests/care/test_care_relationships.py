"""Who sees a patient's data follows the care relationship (issue 24, point 1).

API probes against the local stack: requested → active → ended, by a request the therapist
accepts or a booking they confirm; a switch, an ending or a discharge stops the therapist's
access to anything newer, while their own notes stay readable.
"""
from __future__ import annotations

import pytest

from tests.support.scheduling import book, confirmed_booking, slot_after

pytestmark = pytest.mark.stack

PLAN = {"goals": [], "interventions": [], "summary_for_patient": "Keep going."}
PHQ9_MILD = {"answers": [1, 1, 1, 1, 1, 0, 0, 0, 0]}


def _clinical_reads(therapist, patient_id: str) -> dict[str, int]:
    """Status of each live clinical view of the patient, as the therapist gets it."""
    return {
        "plan": therapist.get(f"/patients/{patient_id}/plan").status_code,
        "phq9": therapist.get("/questionnaires/responses",
                              params={"patient_id": patient_id}).status_code,
        "trends": therapist.get(f"/patients/{patient_id}/trends").status_code,
        "sessions": therapist.get(f"/patients/{patient_id}/sessions/series").status_code,
        "reports": therapist.get(f"/patients/{patient_id}/reports").status_code,
    }


def _write(sender, to, text: str):
    return sender.post(f"/messages/threads/{to.user_id}", json={"text": text})


def _care_state(therapist, patient_id: str):
    patients = therapist.get("/patients")
    assert patients.status_code == 200, patients.text
    return next((p["care"] for p in patients.json()["patients"] if p["patient_id"] == patient_id),
                "not listed")


def test_after_a_switch_the_old_therapist_reads_only_their_own_notes(patient, therapist,
                                                                    new_therapist):
    confirmed_booking(patient, therapist)
    pid = patient.user_id
    assert therapist.put(f"/patients/{pid}/notes", json={"text": "first impressions"}).status_code == 200
    assert set(_clinical_reads(therapist, pid).values()) == {200}
    assert _write(patient, therapist, "see you soon").status_code == 201

    switched = patient.put("/me/therapist", json={"therapist_id": new_therapist.user_id})
    assert switched.status_code == 200, switched.text
    assert switched.json()["care"]["state"] == "requested"
    answered = patient.post("/questionnaires/phq9/responses", json=PHQ9_MILD)
    assert answered.status_code == 201, answered.text

    assert _clinical_reads(therapist, pid) == dict.fromkeys(
        ("plan", "phq9", "trends", "sessions", "reports"), 404) | {"reports": 200}
    assert therapist.get(f"/patients/{pid}/reports").json()["reports"] == []
    assert therapist.put(f"/patients/{pid}/plan", json=PLAN).status_code == 404
    assert _write(therapist, patient, "are you there?").status_code == 404
    assert _write(patient, therapist, "one more thing").status_code == 404
    old_thread = therapist.get(f"/messages/threads/{pid}")
    assert old_thread.status_code == 200 and old_thread.json()["can_write"] is False
    assert [m["text"] for m in old_thread.json()["messages"]] == ["see you soon"]
    notes = therapist.get(f"/patients/{pid}/notes")
    assert notes.status_code == 200 and notes.json()["text"] == "first impressions"
    assert therapist.put(f"/patients/{pid}/notes", json={"text": "more"}).status_code == 404
    assert _care_state(therapist, pid) == "ended"


def test_a_booking_cancelled_before_confirmation_grants_nothing(patient, therapist):
    booking = book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 30))
    assert booking.status_code == 201, booking.text
    pid = patient.user_id
    assert set(_clinical_reads(therapist, pid).values()) == {404}, "a pending booking grants nothing"
    cancelled = patient.post(f"/bookings/{booking.json()['booking_id']}/cancel", json={})
    assert cancelled.status_code == 200, cancelled.text
    assert set(_clinical_reads(therapist, pid).values()) == {404}
    assert therapist.get(f"/patients/{pid}/notes").status_code == 404
    assert _write(patient, therapist, "hello?").status_code == 404
    assert _write(therapist, patient, "hello").status_code == 404


def test_a_chosen_therapist_must_accept_before_the_patient_can_message(patient, therapist):
    pid = patient.user_id
    chosen = patient.put("/me/therapist", json={"therapist_id": therapist.user_id})
    assert chosen.status_code == 200 and chosen.json()["care"]["state"] == "requested"
    assert _write(patient, therapist, "hello").status_code == 404
    assert therapist.get(f"/patients/{pid}/plan").status_code == 404
    assert _care_state(therapist, pid) == "requested"

    accepted = therapist.post(f"/patients/{pid}/care/accept")
    assert accepted.status_code == 200, accepted.text
    assert [e["state"] for e in accepted.json()["history"]] == ["requested", "active"]
    assert accepted.json()["history"][-1]["by"] == therapist.user_id
    assert _write(patient, therapist, "hello").status_code == 201
    assert therapist.get(f"/patients/{pid}/plan").status_code == 200
    care = patient.get("/me/care").json()["relationships"]
    assert [(c["therapist_id"], c["state"]) for c in care] == [(therapist.user_id, "active")]


def test_a_declined_request_grants_nothing(patient, therapist):
    pid = patient.user_id
    patient.put("/me/therapist", json={"therapist_id": therapist.user_id})
    declined = therapist.post(f"/patients/{pid}/care/decline", json={"reason": "my list is full"})
    assert declined.status_code == 200 and declined.json()["state"] == "declined"
    assert therapist.post(f"/patients/{pid}/care/accept").status_code == 404
    assert _write(patient, therapist, "hello").status_code == 404
    assert set(_clinical_reads(therapist, pid).values()) == {404}


def test_a_patient_whose_booking_was_confirmed_can_message_at_once(patient, therapist):
    confirmed_booking(patient, therapist)
    assert _write(patient, therapist, "looking forward to it").status_code == 201
    assert _write(therapist, patient, "me too").status_code == 201
    assert _care_state(therapist, patient.user_id) == "active"


def test_discharge_and_ending_stop_new_reads(patient, therapist, new_therapist):
    pid = patient.user_id
    confirmed_booking(patient, therapist)
    discharged = therapist.post(f"/patients/{pid}/care/discharge", json={"reason": "goals met"})
    assert discharged.status_code == 200 and discharged.json()["state"] == "ended"
    assert set(_clinical_reads(therapist, pid).values()) <= {404, 200}
    assert therapist.get(f"/patients/{pid}/plan").status_code == 404
    assert _write(patient, therapist, "thanks").status_code == 404

    confirmed_booking(patient, new_therapist, hours=40)
    ended = patient.delete(f"/me/care/{new_therapist.user_id}")
    assert ended.status_code == 200 and ended.json()["state"] == "ended"
    assert new_therapist.get(f"/patients/{pid}/plan").status_code == 404
    assert patient.delete(f"/me/care/{new_therapist.user_id}").status_code == 404
