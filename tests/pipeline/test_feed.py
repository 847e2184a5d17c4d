"""The feed over records as the handler stores them: cursor paging, smoothing, distress once."""
from __future__ import annotations

import threading
import time
import uuid

import pytest

from emotecare.clock import iso_from_ms
from emotecare.pipeline.inference import record_key
from tests.support.sessions import live_session

pytestmark = pytest.mark.stack
SAD = {"angry": 0.05, "disgust": 0.0, "fear": 0.05, "happy": 0.0, "neutral": 0.1, "sad": 0.8,
       "surprise": 0.0}


def _store(stack, session_id: str, patient_id: str, start_ms: int, seconds: int, probs) -> None:
    """Records at 2 frames/s, written the way the inference function writes them."""
    dynamodb, batch_id = stack.client("dynamodb"), uuid.uuid4().hex
    table = f"{stack.env['EMOTECARE_TABLE_PREFIX']}-emotion-records"
    for i in range(seconds * 2):
        captured_at = iso_from_ms(start_ms + i * 500)
        item = {"session_id": {"S": session_id}, "record_key": {"S": record_key(captured_at, i, batch_id)},
                "patient_id": {"S": patient_id}, "captured_at": {"S": captured_at},
                "face_found": {"BOOL": probs is not None}, "model_version": {"S": "test"}}
        if probs:
            item["probabilities"] = {"M": {k: {"N": str(v)} for k, v in probs.items()}}
            item["dominant"], item["valence"] = {"S": "sad"}, {"N": "-0.7"}
        dynamodb.put_item(TableName=table, Item=item)


def _live_session_with_records(stack, patient, therapist, *spans) -> str:
    """A live session whose patient has records from a minute ago, `spans` back to back:
    each (seconds, probabilities), probabilities None for no face. Returns the session id."""
    session_id = live_session(stack, patient, therapist)
    start = int(time.time() * 1000) - 60_000
    for seconds, probs in spans:
        _store(stack, session_id, patient.user_id, start, seconds, probs)
        start += seconds * 1000
    return session_id


def test_sustained_sadness_is_flagged_once_across_polls_with_its_span(stack, patient, therapist):
    session_id = live_session(stack, patient, therapist)
    start = int(time.time() * 1000) - 120_000
    _store(stack, session_id, patient.user_id, start, 25, SAD)
    first = therapist.get(f"/sessions/{session_id}/feed").json()
    assert first["distress"] == []  # 25 s is not yet sustained
    assert first["current"]["expression"] == "sad" and first["current"]["valence"] < -0.3
    _store(stack, session_id, patient.user_id, start + 25_000, 20, SAD)
    second = therapist.get(f"/sessions/{session_id}/feed", params={"since": first["next"]}).json()
    assert len(second["records"]) == 40  # only the new ones
    assert [r["captured_at"] for r in second["records"]] == sorted(r["captured_at"] for r in second["records"])
    assert len(second["distress"]) == 1
    episode = second["distress"][0]
    assert episode["start"] == iso_from_ms(start) and episode["end"] > episode["start"]
    third = therapist.get(f"/sessions/{session_id}/feed", params={"since": second["next"]}).json()
    assert third["records"] == [] and third["distress"] == second["distress"]


def test_face_share_falls_when_the_patient_leaves_the_frame(stack, patient, therapist):
    session_id = _live_session_with_records(stack, patient, therapist, (10, SAD), (10, None))
    current = therapist.get(f"/sessions/{session_id}/feed").json()["current"]
    assert current["face_share"] < 0.3 and current["expression"] == "sad"


def test_smoothed_state_covers_records_beyond_the_first_page(stack, patient, therapist):
    from emotecare.pipeline.feed import PAGE

    session_id = live_session(stack, patient, therapist)
    start = int(time.time() * 1000) - 300_000
    with_face_s = PAGE // 2  # the first page is all faces...
    _store(stack, session_id, patient.user_id, start, with_face_s, SAD)
    _store(stack, session_id, patient.user_id, start + with_face_s * 1000, 30, None)  # ...then none
    first = therapist.get(f"/sessions/{session_id}/feed").json()
    assert len(first["records"]) == PAGE and all(r["face_found"] for r in first["records"])
    assert first["current"]["face_share"] < 0.3  # the state has folded the later records too
    rest = therapist.get(f"/sessions/{session_id}/feed", params={"since": first["next"]}).json()
    assert len(rest["records"]) == 60 and not any(r["face_found"] for r in rest["records"])


def test_a_waiting_read_returns_when_a_record_lands_not_at_the_end_of_its_wait(stack, patient, therapist):
    session_id = live_session(stack, patient, therapist)
    start = int(time.time() * 1000) - 10_000
    _store(stack, session_id, patient.user_id, start, 1, SAD)
    cursor = therapist.get(f"/sessions/{session_id}/feed").json()["next"]
    writer = threading.Timer(1.0, _store, (stack, session_id, patient.user_id, start + 1000, 1, SAD))
    asked = time.monotonic()
    writer.start()
    try:
        answer = therapist.get(f"/sessions/{session_id}/feed", params={"since": cursor, "wait": 8}).json()
    finally:
        writer.join()
    took = time.monotonic() - asked
    assert len(answer["records"]) == 2 and answer["next"] > cursor
    assert 0.9 < took < 6  # woke for the record, well before the 8 s were up


def test_a_waiting_read_with_nothing_new_returns_empty_when_its_wait_is_over(stack, patient, therapist):
    session_id = live_session(stack, patient, therapist)
    _store(stack, session_id, patient.user_id, int(time.time() * 1000) - 10_000, 1, SAD)
    cursor = therapist.get(f"/sessions/{session_id}/feed").json()["next"]
    asked = time.monotonic()
    answer = therapist.get(f"/sessions/{session_id}/feed", params={"since": cursor, "wait": "1.5"}).json()
    assert answer["records"] == [] and answer["next"] == cursor
    assert time.monotonic() - asked >= 1.5


def test_a_waiting_read_returns_when_the_patient_switches_analysis_off(stack, patient, therapist):
    session_id = live_session(stack, patient, therapist)
    _store(stack, session_id, patient.user_id, int(time.time() * 1000) - 10_000, 1, SAD)
    first = therapist.get(f"/sessions/{session_id}/feed").json()
    assert first["analysis_on"] is True
    switch_off = threading.Timer(1.0, patient.put, (f"/sessions/{session_id}/consent",),
                                 {"json": {"analysis_on": False}})
    asked = time.monotonic()
    switch_off.start()
    try:
        answer = therapist.get(f"/sessions/{session_id}/feed",
                               params={"since": first["next"], "wait": 8}).json()
    finally:
        switch_off.join()
    took = time.monotonic() - asked
    assert answer["analysis_on"] is False and answer["records"] == []
    assert 0.9 < took < 6  # woke for the switch, well before the 8 s were up


@pytest.mark.parametrize("wait", ["-1", "11", "soon", "nan", "inf"])
def test_a_wait_outside_0_to_10_seconds_is_refused_with_its_reason(stack, patient, therapist, wait):
    session_id = live_session(stack, patient, therapist)
    response = therapist.get(f"/sessions/{session_id}/feed", params={"wait": wait})
    assert response.status_code == 400 and "wait must be a number of seconds" in response.json()["error"]


def test_a_stranger_asking_to_wait_is_refused_at_once(stack, patient, therapist, other_therapist):
    session_id = live_session(stack, patient, therapist)
    asked = time.monotonic()
    response = other_therapist.get(f"/sessions/{session_id}/feed", params={"wait": 10})
    assert response.status_code in (403, 404) and time.monotonic() - asked < 5
