"""The therapist's safety alerts: acknowledged by whom and when, on their dashboard (issue 16, item 2)."""
from __future__ import annotations

from urllib.parse import quote

import pytest

pytestmark = pytest.mark.stack
CRISIS = "I am going to kill myself tonight, I have the pills ready"


def _event_id(patient) -> str:
    answer = patient.post("/chat/messages", json={"text": CRISIS}).json()
    assert answer["crisis"], answer
    return answer["safety_event_id"]


def test_the_therapist_acknowledges_an_alert_once_and_it_stays_on_the_dashboard(
        patient, therapist):
    event_id = _event_id(patient)
    listed = therapist.get("/safety-events").json()["events"][0]
    assert (listed["event_id"], listed["source"]) == (event_id, "chat")
    assert listed["occurred_at"] and listed["acknowledged_at"] is None

    path = f"/safety-events/{quote(event_id, safe='')}/acknowledge"
    first = therapist.post(path)
    assert first.status_code == 200, first.text
    assert first.json()["acknowledged_by"] == therapist.user_id
    acknowledged_at = first.json()["acknowledged_at"]
    assert acknowledged_at >= listed["occurred_at"]

    again = therapist.post(path)
    assert again.status_code == 200 and again.json()["acknowledged_at"] == acknowledged_at
    shown = therapist.get("/safety-events").json()["events"][0]
    assert (shown["acknowledged_by"], shown["acknowledged_at"]) == (therapist.user_id,
                                                                     acknowledged_at)


def test_only_the_patients_therapist_may_acknowledge(patient, therapist, other_therapist, admin,
                                                     outsider):
    event_id = _event_id(patient)
    path = f"/safety-events/{event_id}/acknowledge"
    assert other_therapist.post(path).status_code == 404
    for user in (patient, outsider, admin):
        assert user.post(path).status_code == 403
    assert therapist.post("/safety-events/not-an-event/acknowledge").status_code == 404
    shown = therapist.get("/safety-events").json()["events"][0]
    assert shown["acknowledged_at"] is None
