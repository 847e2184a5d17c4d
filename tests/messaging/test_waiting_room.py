"""Whoever joins the room first is shown on the other side's Today/dashboard page."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from tests.support.accounts import make_user
from tests.support.stack import ROOT

pytestmark = pytest.mark.stack


def demo_session(stack, patient, therapist) -> str:
    """A confirmed booking starting now (`emotecare demo-session`); its session id."""
    env = {**os.environ, **stack.env, "AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local"}
    done = subprocess.run([sys.executable, "-m", "emotecare.cli", "demo-session", "--patient",
                           patient.email, "--therapist", therapist.email], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return re.search(r"#/room/([0-9a-f-]{36})", done.stdout).group(1)


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
