"""Batches that must not be analysed are deleted, logged, counted and dead-lettered.

These need no model: every one is refused before a frame is classified.
"""
from __future__ import annotations

import json
import os
import uuid

import pytest

from emotecare import aws
from emotecare.db import bind_models
from emotecare_dev.local.lambda_runtime import LocalLambdaContext, sqs_event
from emotecare.pipeline.batch_format import MAX_BATCH_BYTES
from emotecare.settings import get_settings
from tests.support.frames import batch_of, dead_lettered_keys, face_jpeg, upload, wait_for
from tests.support.sessions import live_session

pytestmark = [pytest.mark.stack, pytest.mark.slow]


def _objects(stack, session_id: str) -> list[str]:
    listing = stack.client("s3").list_objects_v2(Bucket=stack.env["EMOTECARE_FRAMES_BUCKET"],
                                                 Prefix=f"frames/{session_id}/")
    return [o["Key"] for o in listing.get("Contents", [])]


def test_oversized_and_wrongly_keyed_batches_are_deleted_and_dead_lettered(
        stack, patient, therapist):
    session_id = live_session(stack, patient, therapist)
    grant = patient.post(f"/sessions/{session_id}/frames/grant").json()
    # moto ignores the policy's content-length-range, so this upload succeeds locally.
    oversized = batch_of([face_jpeg()]) + b"\0" * MAX_BATCH_BYTES
    assert upload(grant, oversized).status_code in (200, 201, 204)
    wrong_key = f"frames/{session_id}/{patient.user_id}/not-a-granted-name.ecb"
    stack.client("s3").put_object(Bucket=stack.env["EMOTECARE_FRAMES_BUCKET"], Key=wrong_key,
                                  Body=batch_of([face_jpeg()]))
    wait_for(lambda: {grant["key"], wrong_key} <= dead_lettered_keys(stack), timeout_s=40,
             what="both batches dead-lettered")
    assert _objects(stack, session_id) == []
    log = stack.log()
    assert '"code":"oversized"' in log and '"code":"wrong_key"' in log
    assert therapist.get(f"/sessions/{session_id}/feed").json()["records"] == []


@pytest.fixture
def stack_environment(stack, monkeypatch):
    """This test process configured like the stack's inference function."""
    for name, value in stack.env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "local")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "local")
    monkeypatch.delenv("AWS_SESSION_TOKEN", raising=False)
    get_settings.cache_clear()
    aws.reset_clients()
    bind_models(get_settings())
    yield
    get_settings.cache_clear()
    aws.reset_clients()


def _message(bucket: str, key: str) -> dict:
    body = json.dumps({"Records": [{"eventName": "ObjectCreated:Post", "s3": {
        "bucket": {"name": bucket}, "object": {"key": key, "size": 100}}}]})
    return {"MessageId": str(uuid.uuid4()), "ReceiptHandle": uuid.uuid4().hex, "Body": body,
            "MD5OfBody": "0" * 32, "Attributes": {}}


def test_a_rejected_message_does_not_fail_the_rest_of_its_receive(stack, stack_environment):
    from emotecare.db.live import FrameBatch
    from functions.inference.handler import handler

    bucket = os.environ["EMOTECARE_FRAMES_BUCKET"]
    done_key = f"frames/{uuid.uuid4()}/{uuid.uuid4()}/{uuid.uuid4().hex}.ecb"
    FrameBatch(done_key, outcome="processed", frames=4, at="2026-01-01T00:00:00.000Z").save()
    bad, duplicate = _message(bucket, "frames/oops.ecb"), _message(bucket, done_key)
    response = handler(sqs_event([bad, duplicate], "arn:aws:sqs:eu-west-2:123456789012:frames",
                                 "eu-west-2"), LocalLambdaContext("inference"))
    assert response == {"batchItemFailures": [{"itemIdentifier": bad["MessageId"]}]}


def test_the_dead_letter_peek_sees_every_message_and_leaves_them_there(stack):
    # More than one receive's worth: a peek that re-reads the oldest ten missed newer batches
    # once earlier tests had dead-lettered more than ten (a full run did).
    sqs = stack.client("sqs")
    url = sqs.get_queue_url(QueueName="emotecare-local-frames-dlq")["QueueUrl"]
    keys = {f"frames/peek-{uuid.uuid4().hex}/p/b{i}.ecb" for i in range(12)}
    for key in keys:
        sqs.send_message(QueueUrl=url, MessageBody=json.dumps(
            {"Records": [{"s3": {"object": {"key": key}}}]}))

    assert keys <= dead_lettered_keys(stack)
    assert keys <= dead_lettered_keys(stack)  # still there for the next look
