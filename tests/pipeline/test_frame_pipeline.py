"""End to end on the local stack: grant → upload → S3 → SQS → inference → records → feed."""
from __future__ import annotations

import json

import pytest
import requests

from tests.support.frames import (batch_of, blank_jpeg, dead_lettered_keys, face_jpeg,
                                  upload, wait_for)
from tests.support.sessions import live_session

pytestmark = [pytest.mark.stack, pytest.mark.slow]


def _grant(user, session_id: str) -> dict:
    response = user.post(f"/sessions/{session_id}/frames/grant")
    assert response.status_code == 201, response.text
    return response.json()


def _send(user, session_id: str, batch: bytes) -> str:
    grant = _grant(user, session_id)
    response = upload(grant, batch)
    assert response.status_code in (200, 201, 204), response.text
    return grant["key"]


def _objects(stack, session_id: str) -> list[str]:
    listing = stack.client("s3").list_objects_v2(Bucket=stack.env["EMOTECARE_FRAMES_BUCKET"],
                                                 Prefix=f"frames/{session_id}/")
    return [o["Key"] for o in listing.get("Contents", [])]


def _records(therapist, session_id: str, expected: int) -> dict:
    return wait_for(lambda: (lambda f: f if len(f["records"]) >= expected else None)(
        therapist.get(f"/sessions/{session_id}/feed").json()), what=f"{expected} records")


def _processed_lines(stack, key: str) -> list[dict]:
    lines = []
    for line in stack.log().splitlines():
        if line.startswith("{") and key in line and "frame batch processed" in line:
            lines.append(json.loads(line))
    return lines


def test_smiling_face_reaches_the_therapists_feed_as_happy(stack, patient, therapist):
    session_id = live_session(stack, patient, therapist)
    key = _send(patient, session_id, batch_of([face_jpeg("astronaut")] * 4 + [blank_jpeg()]))
    feed = _records(therapist, session_id, 5)
    records = feed["records"]
    assert [r["captured_at"] for r in records] == sorted(r["captured_at"] for r in records)
    faces = [r for r in records if r["face_found"]]
    assert len(faces) == 4 and all(r["dominant"] == "happy" for r in faces)
    assert all(r["valence"] > 0 and len(r["probabilities"]) == 7 and len(r["box"]) == 4
               for r in faces)
    assert records[-1]["face_found"] is False and records[-1]["dominant"] is None  # recorded, not dropped
    assert feed["current"]["expression"] == "happy" and 0.5 < feed["current"]["face_share"] < 1
    assert feed["distress"] == [] and feed["analysis_on"] is True
    assert _objects(stack, session_id) == []  # the frames are gone once read
    later = therapist.get(f"/sessions/{session_id}/feed", params={"since": feed["next"]}).json()
    assert later["records"] == [] and later["next"] == feed["next"]
    assert records[0]["model_version"] and _processed_lines(stack, key)


def test_bad_batches_are_dead_lettered_while_a_good_one_between_them_is_processed(
        stack, patient, therapist):
    session_id = live_session(stack, patient, therapist)
    good = batch_of([face_jpeg("astronaut")] * 2)
    truncated_key = _send(patient, session_id, good[:-100])
    good_key = _send(patient, session_id, good)
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    not_jpeg_key = _send(patient, session_id, batch_of([png, png]))
    assert len(_records(therapist, session_id, 2)["records"]) == 2
    wait_for(lambda: {truncated_key, not_jpeg_key} <= dead_lettered_keys(stack), timeout_s=40,
             what="both bad batches in the dead-letter queue")
    assert good_key not in dead_lettered_keys(stack)
    log = stack.log()
    assert "truncated" in log and "is not a complete JPEG" in log
    assert '"FrameBatchRejected"' in log  # the metric, as CloudWatch EMF
    assert _objects(stack, session_id) == []


def test_a_frame_that_does_not_decode_rejects_its_whole_batch_before_any_record_is_written(
        stack, patient, therapist):
    session_id = live_session(stack, patient, therapist)
    face = face_jpeg("astronaut")
    garbled = face[:3] + bytes(range(256)) * 8 + face[-2:]  # JPEG markers, no image between
    key = _send(patient, session_id, batch_of([face, face, garbled, face]))
    wait_for(lambda: key in dead_lettered_keys(stack), timeout_s=40, what="the batch dead-lettered")
    assert '"code":"undecodable"' in stack.log() and "frame 2" in stack.log()
    assert therapist.get(f"/sessions/{session_id}/feed").json()["records"] == []
    assert _objects(stack, session_id) == []


def test_the_same_batch_delivered_twice_leaves_one_set_of_records(stack, patient, therapist):
    session_id = live_session(stack, patient, therapist)
    grant = _grant(patient, session_id)
    batch = batch_of([face_jpeg("astronaut")] * 3)
    upload(grant, batch)
    wait_for(lambda: _processed_lines(stack, grant["key"]), what="first processing")
    upload(grant, batch)  # the same bytes under the same key: S3 notifies again
    wait_for(lambda: len(_processed_lines(stack, grant["key"])) >= 2, what="second processing")
    sqs = stack.client("sqs")  # and a duplicate SQS delivery after the object is gone
    notification = {"Records": [{"eventName": "ObjectCreated:Post", "s3": {
        "bucket": {"name": stack.env["EMOTECARE_FRAMES_BUCKET"]},
        "object": {"key": grant["key"], "size": len(batch)}}}]}
    sqs.send_message(QueueUrl=stack.env["EMOTECARE_FRAMES_QUEUE_URL"],
                     MessageBody=json.dumps(notification))
    wait_for(lambda: len(_processed_lines(stack, grant["key"])) >= 3, what="redelivery")
    assert _processed_lines(stack, grant["key"])[-1]["duplicate"] is True
    assert len(therapist.get(f"/sessions/{session_id}/feed").json()["records"]) == 3
    assert grant["key"] not in dead_lettered_keys(stack)


def test_feed_is_refused_to_other_patients_other_therapists_and_anonymous_callers(
        stack, patient, therapist, other_patient, other_therapist):
    session_id = live_session(stack, patient, therapist)
    assert therapist.get(f"/sessions/{session_id}/feed").status_code == 200
    assert patient.get(f"/sessions/{session_id}/feed").status_code == 403  # therapy: therapist's view
    assert other_patient.get(f"/sessions/{session_id}/feed").status_code == 404
    assert other_therapist.get(f"/sessions/{session_id}/feed").status_code == 404
    assert requests.get(f"{stack.api_url}/sessions/{session_id}/feed", timeout=10).status_code == 401
    bad = therapist.get(f"/sessions/{session_id}/feed", params={"since": "garbage"})
    assert bad.status_code == 400 and bad.json()["field"] == "since"


def test_self_reflect_feed_is_the_patients_own(stack, patient, other_patient, therapist):
    session_id = patient.post("/self-reflect").json()["session_id"]
    assert patient.get(f"/sessions/{session_id}/feed").status_code == 200
    assert other_patient.get(f"/sessions/{session_id}/feed").status_code == 404
    assert therapist.get(f"/sessions/{session_id}/feed").status_code == 404


def test_consent_switched_off_refuses_grants_and_deletes_late_batches_unread(
        stack, patient, therapist):
    session_id = live_session(stack, patient, therapist)
    grant = _grant(patient, session_id)
    assert patient.put(f"/sessions/{session_id}/consent",
                       json={"analysis_on": False}).status_code == 200
    refused = patient.post(f"/sessions/{session_id}/frames/grant")
    assert refused.status_code == 403
    upload(grant, batch_of([face_jpeg("astronaut")] * 2))  # a batch already in flight
    wait_for(lambda: grant["key"] in dead_lettered_keys(stack), timeout_s=40,
             what="the late batch dead-lettered")
    assert _objects(stack, session_id) == []
    assert therapist.get(f"/sessions/{session_id}/feed").json()["records"] == []
    assert "no_consent" in stack.log()
