"""Upload grants: one key, short-lived, size-capped; refused without consent or session."""
from __future__ import annotations

import base64
import json

import pytest
import requests

from emotecare.pipeline.keys import parse_batch_key
from tests.support.sessions import live_session, make_session

pytestmark = pytest.mark.stack


def _policy(grant: dict) -> dict:
    return json.loads(base64.b64decode(grant["fields"]["policy"]))


def test_grant_is_a_presigned_post_for_one_batch_key_of_the_patient(stack, patient, therapist):
    session_id = live_session(stack, patient, therapist)
    response = patient.post(f"/sessions/{session_id}/frames/grant")
    assert response.status_code == 201, response.text
    grant = response.json()
    key = parse_batch_key(grant["key"])
    assert (key.session_id, key.patient_id) == (session_id, patient.user_id)
    assert grant["fields"]["key"] == grant["key"]
    assert 0 < grant["expires_in"] <= 300 and grant["max_bytes"] <= 2 * 1024 * 1024
    conditions = _policy(grant)["conditions"]
    assert ["content-length-range", 1, grant["max_bytes"]] in conditions
    assert {"key": grant["key"]} in conditions  # exactly this key, no starts-with
    assert {"Content-Type": "application/octet-stream"} in conditions
    second = patient.post(f"/sessions/{session_id}/frames/grant").json()
    assert second["key"] != grant["key"]


def test_grant_refused_without_consent(stack, patient, therapist):
    session_id = make_session(stack, patient, therapist)
    patient.post(f"/sessions/{session_id}/join")
    response = patient.post(f"/sessions/{session_id}/frames/grant")
    assert response.status_code == 403 and "switch it on" in response.json()["error"]


def test_grant_refused_before_the_session_is_in_progress(stack, patient, therapist):
    session_id = make_session(stack, patient, therapist)
    patient.put(f"/sessions/{session_id}/consent", json={"analysis_on": True})
    response = patient.post(f"/sessions/{session_id}/frames/grant")
    assert response.status_code == 403 and "in progress" in response.json()["error"]


def test_grant_refused_to_everyone_but_the_sessions_patient(
        stack, patient, therapist, other_patient, other_therapist):
    session_id = live_session(stack, patient, therapist)
    assert other_patient.post(f"/sessions/{session_id}/frames/grant").status_code == 404
    assert therapist.post(f"/sessions/{session_id}/frames/grant").status_code == 403
    assert other_therapist.post(f"/sessions/{session_id}/frames/grant").status_code == 403
    assert requests.post(f"{stack.api_url}/sessions/{session_id}/frames/grant",
                         timeout=10).status_code == 401


def test_self_reflect_sessions_use_the_same_grants(stack, patient):
    session_id = patient.post("/self-reflect").json()["session_id"]
    assert patient.post(f"/sessions/{session_id}/frames/grant").status_code == 403
    patient.put(f"/sessions/{session_id}/consent", json={"analysis_on": True})
    assert patient.post(f"/sessions/{session_id}/frames/grant").status_code == 201
