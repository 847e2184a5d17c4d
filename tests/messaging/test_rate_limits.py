"""Per-account limits on messages and chat turns: a 429 with Retry-After (issue 24, point 6).

Without them a script sent 100 messages to a therapist in 2.5 s, and every chat turn is a
paid model call."""
from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from emotecare.accounts.throttle import CHAT_TURNS, MESSAGES
from tests.messaging.helpers import booked, thread, write

pytestmark = pytest.mark.stack


def _burst(send, count: int):
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=6) as pool:
        responses = list(pool.map(lambda n: send(n), range(count)))
    return responses, time.monotonic() - started


def _assert_limited(responses, limit: int) -> None:
    statuses = [r.status_code for r in responses]
    assert statuses.count(429) == len(statuses) - limit, statuses
    refused = next(r for r in responses if r.status_code == 429)
    assert 0 < int(refused.headers["Retry-After"]) <= 60, refused.headers
    assert "Try again in 1 minute." in refused.json()["error"], refused.text


def test_a_hundred_messages_in_ten_seconds_meet_a_429(patient, therapist):
    booked(patient, therapist)
    started = time.monotonic()
    first_refusal_s = None

    def send(n: int):
        nonlocal first_refusal_s
        response = write(patient, therapist, f"message {n}")
        if response.status_code == 429 and first_refusal_s is None:
            first_refusal_s = time.monotonic() - started
        return response

    responses, _ = _burst(send, 100)
    assert first_refusal_s is not None and first_refusal_s < 10, first_refusal_s
    _assert_limited(responses, MESSAGES.max_hits)
    assert {r.status_code for r in responses} == {201, 429}
    assert _stored(patient, therapist) == MESSAGES.max_hits  # a refused message is not stored


def _stored(reader, other) -> int:
    count, params = 0, {}
    while True:
        page = thread(reader, other, **params)
        count += len(page["messages"])
        if not page["next"]:
            return count
        params = {"before": page["next"]}


def test_chat_turns_are_limited_per_patient(patient):
    responses, _ = _burst(lambda n: patient.post("/chat/messages", json={"text": f"hi {n}"}),
                          CHAT_TURNS.max_hits + 5)
    _assert_limited(responses, CHAT_TURNS.max_hits)
