"""Create session rows directly on a running stack (until bookings create them through the API)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import uuid
from datetime import datetime, timedelta, timezone

from tests.support.accounts import TestUser
from tests.support.stack import ROOT, StackProcess


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def make_session(stack: StackProcess, patient: TestUser, therapist: TestUser | None = None, *,
                 state: str = "booked", starts_in: timedelta = timedelta(minutes=5),
                 kind: str = "therapy", invitees: list[TestUser] | None = None) -> str:
    """A session row as the bookings engine writes it; returns its id.

    With `invitees`, its confirmed family booking is written too, inviting them by e-mail.
    """
    now = datetime.now(timezone.utc)
    session_id = str(uuid.uuid4())
    booking_id = f"bk-{uuid.uuid4().hex[:8]}"
    item = {"session_id": {"S": session_id}, "kind": {"S": kind},
            "patient_id": {"S": patient.user_id}, "state": {"S": state},
            "created_at": {"S": _iso(now)}, "starts_at": {"S": _iso(now + starts_in)},
            "analysis_on": {"BOOL": False}, "consent_log": {"L": []},
            "booking_id": {"S": booking_id}}
    if therapist is not None:
        item["therapist_id"] = {"S": therapist.user_id}
        if kind == "therapy":
            _in_active_care(stack, patient, therapist, _iso(now))
    prefix = stack.env['EMOTECARE_TABLE_PREFIX']
    dynamodb = stack.client("dynamodb")
    dynamodb.put_item(TableName=f"{prefix}-sessions", Item=item)
    if invitees:
        details = json.dumps({"therapy_type": "family" if len(invitees) > 1 else "couple",
                              "message": "", "participants": [i.email for i in invitees]})
        start = now + starts_in
        dynamodb.put_item(TableName=f"{prefix}-bookings", Item={
            "booking_id": {"S": booking_id}, "therapist_id": {"S": therapist.user_id},
            "patient_id": {"S": patient.user_id}, "starts_at": {"S": _iso(start)},
            "ends_at": {"S": _iso(start + timedelta(minutes=50))}, "status": {"S": "confirmed"},
            "details": {"S": details}, "start_day": {"S": _iso(start)[:10]},
            "session_id": {"S": session_id}})
    return session_id


def _in_active_care(stack: StackProcess, patient: TestUser, therapist: TestUser, at: str) -> None:
    """The care relationship a confirmed booking starts (the therapist reads the session's feed
    only during active care)."""
    event = {"state": "active", "by": therapist.user_id, "by_role": "therapist", "at": at,
             "reason": "confirmed a booking"}
    stack.client("dynamodb").put_item(
        TableName=f"{stack.env['EMOTECARE_TABLE_PREFIX']}-care-relationships", Item={
            "patient_id": {"S": patient.user_id},
            "relationship_key": {"S": f"{therapist.user_id}#{at}"},
            "therapist_id": {"S": therapist.user_id}, "state": {"S": "active"},
            "requested_at": {"S": at}, "active_from": {"S": at},
            "history": {"S": json.dumps([event])}})


def live_session(stack: StackProcess, patient: TestUser, therapist: TestUser) -> str:
    """A therapy session both have joined, with the patient's consent to analysis switched on."""
    session_id = make_session(stack, patient, therapist)
    for user in (therapist, patient):
        assert user.post(f"/sessions/{session_id}/join").status_code == 200
    response = patient.put(f"/sessions/{session_id}/consent", json={"analysis_on": True})
    assert response.status_code == 200, response.text
    return session_id


def demo_session(stack: StackProcess, patient: TestUser, therapist: TestUser) -> str:
    """A confirmed booking starting now (`emotecare demo-session`); its session id."""
    env = {**os.environ, **stack.env, "AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local"}
    done = subprocess.run([sys.executable, "-m", "emotecare_dev.cli", "demo-session", "--patient",
                           patient.email, "--therapist", therapist.email], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return re.search(r"#/room/([0-9a-f-]{36})", done.stdout).group(1)
