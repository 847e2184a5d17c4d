"""Erasure that cannot leak (issue 24, point 4).

`DELETE /me` first marks the account as being erased (every write of its token is refused
from then on, in every process, because the mark is in DynamoDB), waits for writes already
running, deletes, then verifies every table and bucket; an interrupted erasure is finished
by the scheduled sweep. On main, 301 writes were accepted while `DELETE /me` ran and 314
rows remained that nobody could read, export or delete.
"""
from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from emotecare.accounts.tokens import Principal
from tests.support.accounts import make_user
from tests.support.stack import this_process_on

pytestmark = pytest.mark.stack


LEDGER = "account-standing"  # says when the account was erased, nothing else


def _rows_mentioning(stack, needle: str) -> list[str]:
    """Every item of every table of the stack with `needle` anywhere in it (a full scan),
    but the erasure's ledger row, which `_ledger_is_bare` checks."""
    dynamodb = stack.client("dynamodb")
    prefix = stack.env["EMOTECARE_TABLE_PREFIX"] + "-"
    found = []
    for table in dynamodb.list_tables()["TableNames"]:
        if not table.startswith(prefix) or table == prefix + LEDGER:
            continue
        for page in dynamodb.get_paginator("scan").paginate(TableName=table):
            found += [f"{table}: {json.dumps(item)[:200]}" for item in page["Items"]
                      if needle in json.dumps(item)]
    return found


def _ledger_is_bare(stack, user) -> bool:
    """The ledger row of a verified erasure: when it started and ended, no personal data."""
    item = stack.client("dynamodb").get_item(
        TableName=f"{stack.env['EMOTECARE_TABLE_PREFIX']}-{LEDGER}",
        Key={"account_id": {"S": user.user_id}}, ConsistentRead=True)["Item"]
    return ("erasure_verified_at" in item and user.email not in json.dumps(item)
            and "session_ids" not in item)


def _objects_mentioning(stack, needles: list[str]) -> list[str]:
    s3 = stack.client("s3")
    keys = []
    for bucket in (stack.env["EMOTECARE_FRAMES_BUCKET"], stack.env["EMOTECARE_REPORTS_BUCKET"]):
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
            keys += [f"{bucket}/{o['Key']}" for o in page.get("Contents", [])
                     if any(n in o["Key"] for n in needles)]
    return keys


def _write(patient, n: int):
    """One of the patient's everyday writes (journal, a self-reflect session, a check-in)."""
    if n % 10 == 0:
        return patient.post("/self-reflect", json={})
    if n % 10 == 5:
        return patient.post("/questionnaires/phq9/responses", json={"answers": [1] * 8 + [0]})
    return patient.post("/journal", json={"mood": 1 + n % 10, "text": f"entry {n}"})


def test_three_hundred_writes_racing_delete_me_leave_no_row(stack):
    patient = make_user(stack, "patient")
    sessions = [_write(patient, 0).json()["session_id"]]
    accepted_before = threading.Event()
    statuses: list[int] = []

    def write(n: int) -> None:
        response = _write(patient, n)
        statuses.append(response.status_code)
        if response.status_code in (200, 201):
            if n % 10 == 0:
                sessions.append(response.json()["session_id"])
            if len(statuses) >= 30:
                accepted_before.set()

    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(write, n) for n in range(1, 301)]
        assert accepted_before.wait(120), statuses
        deleted = patient.delete("/me", timeout=120)
        for future in futures:
            future.result()
    assert deleted.status_code == 204, deleted.text
    assert set(statuses) <= {200, 201, 401}, sorted(set(statuses))
    assert 401 in statuses, "some writes must have raced the erasure"
    assert _rows_mentioning(stack, patient.user_id) == []
    assert _objects_mentioning(stack, [patient.user_id, *sessions]) == []
    assert _ledger_is_bare(stack, patient)


def test_a_write_during_erasure_is_refused_naming_the_reason(stack):
    patient = make_user(stack, "patient")
    with this_process_on(stack):
        from emotecare.accounts import erasure
        from emotecare.db import bind_models
        from emotecare.settings import get_settings

        bind_models(get_settings())
        erasure.mark_erasing(patient.user_id, patient.email)
    response = patient.post("/journal", json={"mood": 5})
    assert response.status_code == 401, response.text
    assert "being deleted" in response.json()["error"]
    assert _rows_mentioning(stack, f'"{patient.user_id}"') != []  # not erased yet: only marked


def test_the_sweep_finishes_an_interrupted_erasure(stack):
    patient = make_user(stack, "patient")
    session_id = _write(patient, 0).json()["session_id"]
    assert _write(patient, 1).status_code == 201
    with this_process_on(stack):
        from emotecare.accounts import erasure
        from emotecare.db import bind_models
        from emotecare.settings import get_settings
        from emotecare_dev.local.events import LocalLambdaContext, scheduled_event
        from functions.schedules import ERASURE_SWEEP, erasure_sweep

        bind_models(get_settings())
        # What a process killed right after the mark leaves behind, long enough ago.
        erasure.mark_erasing(patient.user_id, patient.email,
                             started_at="2026-01-05T10:00:00Z")
        event = scheduled_event("erasure-sweep", stack.env["AWS_REGION"])
        assert erasure_sweep(event, LocalLambdaContext("erasure-sweep"))["finished"] >= 1
        assert ERASURE_SWEEP.value <= 15  # minutes
    assert "erasure-sweep: rate(10 minutes)" in stack.log()  # the local stack runs it too
    assert _rows_mentioning(stack, patient.user_id) == []
    assert _objects_mentioning(stack, [patient.user_id, session_id]) == []
    assert _ledger_is_bare(stack, patient)
    # The API process remembers a good account for a few seconds; then the token is refused.
    deadline = time.monotonic() + 6
    while patient.get("/journal").status_code != 401:
        assert time.monotonic() < deadline, "the erased account's token still works after 6 s"
        time.sleep(0.2)


def _principal(user) -> Principal:
    return Principal(user.user_id, user.email, user.role, (user.role,))


def _refused_within(stack, user, change, limit_s: float) -> float:
    """Seconds until another process (this one) refuses `user`'s token after `change()`."""
    with this_process_on(stack):
        from api import context
        from emotecare.accounts.standing import check_account
        from emotecare.errors import AuthenticationError

        context.settings()
        check_account(_principal(user), context.identity)  # now remembered as good here
        change()
        started = time.monotonic()
        while time.monotonic() - started < limit_s + 2:
            try:
                check_account(_principal(user), context.identity)
            except AuthenticationError:
                return time.monotonic() - started
            time.sleep(0.2)
    raise AssertionError(f"still honoured {limit_s + 2} s later")


def test_a_disabled_accounts_token_is_refused_within_five_seconds_everywhere(stack):
    patient = make_user(stack, "patient")
    cognito = stack.client("cognito-idp")

    def disable():
        cognito.admin_disable_user(UserPoolId=stack.env["EMOTECARE_USER_POOL_ID"],
                                   Username=patient.email)

    assert _refused_within(stack, patient, disable, 5) <= 5


def test_an_erased_accounts_token_is_refused_within_five_seconds_everywhere(stack):
    patient = make_user(stack, "patient")
    assert _refused_within(
        stack, patient, lambda: patient.delete("/me").raise_for_status(), 5) <= 5


def test_a_read_that_writes_is_refused_during_erasure(stack, people):
    """Opening a thread marks its messages read (a write under a GET): once the account is
    marked, it is refused like any other write, so it cannot land after the verification."""
    from tests.support.scheduling import book, slot_after

    therapist = people.therapist()
    patient = make_user(stack, "patient")
    booking = book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 30))
    assert booking.status_code == 201, booking.text
    assert therapist.post(f"/bookings/{booking.json()['booking_id']}/confirm").status_code == 200
    sent = therapist.post(f"/messages/threads/{patient.user_id}", json={"text": "How are you?"})
    assert sent.status_code == 201, sent.text
    with this_process_on(stack):
        from emotecare.accounts import erasure
        from emotecare.db import bind_models
        from emotecare.settings import get_settings

        bind_models(get_settings())
        erasure.mark_erasing(patient.user_id, patient.email)
    response = patient.get(f"/messages/threads/{therapist.user_id}")
    assert response.status_code == 401, response.text
    assert "being deleted" in response.json()["error"]
