"""Whoever joins the room first is shown on the other side's Today/dashboard page."""
from __future__ import annotations

import pytest

from tests.support.accounts import make_user
from tests.support.sessions import demo_session

pytestmark = pytest.mark.stack


def _waiting(user) -> list[dict]:
    response = user.get("/waiting-room")
    assert response.status_code == 200, response.text
    return response.json()["waiting"]


def test_the_other_side_sees_who_is_waiting_until_they_join(stack):
    patient = make_user(stack, "patient", name="Sam Waiting")
    therapist = make_user(stack, "therapist", name="Dr. Present")
    session_id = demo_session(stack, patient, therapist)
    assert _waiting(therapist) == [] and _waiting(patient) == []

    assert patient.post(f"/sessions/{session_id}/join").status_code == 200
    [row] = _waiting(therapist)
    assert row["session_id"] == session_id
    assert row["who"] == {"user_id": patient.user_id, "name": "Sam Waiting", "role": "patient"}
    assert _waiting(patient) == [], "the waiting side is not waiting for itself"

    assert therapist.post(f"/sessions/{session_id}/join").status_code == 200
    assert _waiting(therapist) == [] and _waiting(patient) == []
    assert patient.post(f"/sessions/{session_id}/leave").status_code == 200
    assert [r["who"]["name"] for r in _waiting(patient)] == ["Dr. Present"]


def test_outsiders_see_nobody_waiting(stack):
    patient, therapist = make_user(stack, "patient"), make_user(stack, "therapist")
    session_id = demo_session(stack, patient, therapist)
    assert patient.post(f"/sessions/{session_id}/join").status_code == 200
    assert _waiting(make_user(stack, "therapist")) == []
    assert make_user(stack, "admin").get("/waiting-room").status_code == 403
