"""`emotecare demo-session` gives a newcomer a confirmed session they can join right away."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
import requests

from emotecare.local.seed import DEMO_USERS
from tests.support.stack import ROOT

pytestmark = pytest.mark.stack


def _sign_in(stack, email: str, password: str) -> dict:
    response = requests.post(f"{stack.api_url}/auth/signin",
                             json={"email": email, "password": password}, timeout=10)
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['id_token']}"}


def test_demo_session_is_confirmed_and_both_demo_users_can_join_now(stack):
    env = {**os.environ, **stack.env, "AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local"}
    done = subprocess.run([sys.executable, "-m", "emotecare.cli", "demo-session"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    session_id = re.search(r"#/room/([0-9a-f-]{36})", done.stdout).group(1)
    patient = next(u for u in DEMO_USERS if u.role == "patient")
    therapist = next(u for u in DEMO_USERS if u.role == "therapist")
    for user in (therapist, patient):
        joined = requests.post(f"{stack.api_url}/sessions/{session_id}/join",
                               headers=_sign_in(stack, user.email, user.password), timeout=10)
        assert joined.status_code == 200, joined.text
        assert joined.json()["state"] == "in_progress"
    bookings = requests.get(f"{stack.api_url}/bookings", params={"scope": "upcoming"},
                            headers=_sign_in(stack, patient.email, patient.password), timeout=10)
    demo = [b for b in bookings.json()["bookings"] if b["session_id"] == session_id]
    assert demo and demo[0]["status"] == "confirmed"


def test_demo_session_refuses_an_unknown_account(stack):
    env = {**os.environ, **stack.env, "AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local"}
    done = subprocess.run([sys.executable, "-m", "emotecare.cli", "demo-session", "--patient",
                           "nobody@example.com"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2
    assert "no account nobody@example.com" in done.stderr
