"""`emotecare demo-session` gives a newcomer a confirmed session they can join right away."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from tests.support.accounts import make_user
from tests.support.stack import ROOT

pytestmark = pytest.mark.stack


def test_demo_session_is_confirmed_and_both_users_can_join_now(stack):
    # Fresh accounts, so bookings other tests made with the demo users cannot collide.
    patient, therapist = make_user(stack, "patient"), make_user(stack, "therapist")
    env = {**os.environ, **stack.env, "AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local"}
    done = subprocess.run([sys.executable, "-m", "emotecare_dev.cli", "demo-session", "--patient",
                           patient.email, "--therapist", therapist.email], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    session_id = re.search(r"#/room/([0-9a-f-]{36})", done.stdout).group(1)
    assert therapist.email in done.stdout and patient.email in done.stdout
    for user in (therapist, patient):
        joined = user.post(f"/sessions/{session_id}/join")
        assert joined.status_code == 200, joined.text
        assert joined.json()["state"] == "in_progress"
    bookings = patient.get("/bookings", params={"scope": "upcoming"}).json()["bookings"]
    demo = [b for b in bookings if b["session_id"] == session_id]
    assert demo and demo[0]["status"] == "confirmed"


def test_demo_session_refuses_an_unknown_account(stack):
    env = {**os.environ, **stack.env, "AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local"}
    done = subprocess.run([sys.executable, "-m", "emotecare_dev.cli", "demo-session", "--patient",
                           "nobody@example.com"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2
    assert "no account nobody@example.com" in done.stderr
