"""The feed's headline (`reading`) over stored records: the last seconds, not the 10-s average."""
from __future__ import annotations

import time

import pytest

from emotecare.clock import iso_from_ms
from tests.pipeline.test_feed import SAD, _store
from tests.support.sessions import live_session

pytestmark = pytest.mark.stack
HAPPY = {"angry": 0.0, "disgust": 0.0, "fear": 0.02, "happy": 0.9, "neutral": 0.06, "sad": 0.02,
         "surprise": 0.0}


def _switched_on_a_minute_ago(stack, session_id: str) -> None:
    """Backdate the patient's switch-on, so records of the last minute count for the headline."""
    table = f"{stack.env['EMOTECARE_TABLE_PREFIX']}-sessions"
    at = iso_from_ms(int(time.time() * 1000) - 60_000)
    stack.client("dynamodb").update_item(
        TableName=table, Key={"session_id": {"S": session_id}},
        UpdateExpression="SET consent_log = :log",
        ExpressionAttributeValues={":log": {"L": [{"M": {"analysis_on": {"BOOL": True},
                                                         "at": {"S": at}}}]}})


def _live_session_with_records_until_now(stack, patient, therapist, *spans) -> str:
    """A live session whose records, `spans` back to back ((seconds, probabilities or None)),
    end with a frame captured just now: the headline reads only fresh frames."""
    session_id = live_session(stack, patient, therapist)
    _switched_on_a_minute_ago(stack, session_id)
    start = int(time.time() * 1000) - sum(seconds for seconds, _ in spans) * 1000 + 500
    for seconds, probs in spans:
        _store(stack, session_id, patient.user_id, start, seconds, probs)
        start += seconds * 1000
    return session_id


def test_the_headline_reads_the_last_seconds_while_the_average_still_lags(stack, patient, therapist):
    # the face changed 2 s ago
    session_id = _live_session_with_records_until_now(stack, patient, therapist, (10, HAPPY), (2, SAD))

    feed = therapist.get(f"/sessions/{session_id}/feed").json()

    assert feed["current"]["expression"] == "happy"  # the ~10-s moving average lags behind
    reading = feed["reading"]
    assert reading["state"] == "expression" and reading["expression"] == "sad"
    assert reading["window_s"] == 2.0


def test_no_face_in_the_last_seconds_reads_no_face_in_view(stack, patient, therapist):
    session_id = _live_session_with_records_until_now(stack, patient, therapist, (10, SAD), (3, None))

    reading = therapist.get(f"/sessions/{session_id}/feed").json()["reading"]

    assert reading["state"] == "no_face" and reading["expression"] is None


def test_the_reading_is_cleared_when_the_patient_switches_analysis_off(stack, patient, therapist):
    session_id = live_session(stack, patient, therapist)
    _switched_on_a_minute_ago(stack, session_id)
    _store(stack, session_id, patient.user_id, int(time.time() * 1000) - 1_000, 1, SAD)
    assert therapist.get(f"/sessions/{session_id}/feed").json()["reading"]["expression"] == "sad"

    assert patient.put(f"/sessions/{session_id}/consent", json={"analysis_on": False}).status_code == 200
    feed = therapist.get(f"/sessions/{session_id}/feed").json()

    assert feed["analysis_on"] is False and feed["reading"] is None


def test_after_switching_on_again_old_frames_never_make_the_headline(stack, patient, therapist):
    # The patient smiled a second ago, switched analysis off and on again: the feed state
    # still remembers those frames, but they come from before the switch-on.
    session_id = live_session(stack, patient, therapist)
    _switched_on_a_minute_ago(stack, session_id)
    _store(stack, session_id, patient.user_id, int(time.time() * 1000) - 1_500, 1, HAPPY)
    assert therapist.get(f"/sessions/{session_id}/feed").json()["reading"]["expression"] == "happy"
    assert patient.put(f"/sessions/{session_id}/consent", json={"analysis_on": False}).status_code == 200
    assert therapist.get(f"/sessions/{session_id}/feed").json()["reading"] is None
    assert patient.put(f"/sessions/{session_id}/consent", json={"analysis_on": True}).status_code == 200

    feed = therapist.get(f"/sessions/{session_id}/feed").json()

    assert feed["analysis_on"] is True and feed["records"]  # the old records are still there
    assert feed["reading"]["state"] == "starting" and feed["reading"]["expression"] is None
    _store(stack, session_id, patient.user_id, int(time.time() * 1000), 1, SAD)
    fresh = therapist.get(f"/sessions/{session_id}/feed", params={"since": feed["next"]}).json()
    assert fresh["reading"]["state"] == "expression" and fresh["reading"]["expression"] == "sad"


def test_when_frames_stop_arriving_the_headline_is_not_kept(stack, patient, therapist):
    session_id = live_session(stack, patient, therapist)
    _switched_on_a_minute_ago(stack, session_id)
    _store(stack, session_id, patient.user_id, int(time.time() * 1000) - 8_000, 2, HAPPY)

    reading = therapist.get(f"/sessions/{session_id}/feed").json()["reading"]

    assert reading["state"] == "starting" and reading["expression"] is None
