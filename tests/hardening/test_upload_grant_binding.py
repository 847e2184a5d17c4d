"""A frame batch is analysed only under its own live grant (issue 17, point 5).

moto does not enforce a presigned POST's key or expiry, so locally any key can be written,
as a leaked or replayed grant could on AWS through the handler's trust in the key. The
inference function must look up the grant named in the key and refuse anything else.
"""
from __future__ import annotations

import json
import time
import uuid

import pytest

from tests.support.accounts import make_user
from tests.support.frames import batch_of, face_jpeg, upload, wait_for
from tests.support.sessions import live_session

pytestmark = [pytest.mark.stack, pytest.mark.slow]


@pytest.fixture(scope="module")
def people(stack):
    return {name: make_user(stack, role) for name, role in (
        ("patient", "patient"), ("victim", "patient"), ("therapist", "therapist"))}


def _outcome(stack, key: str) -> dict:
    """The handler's log line for `key`: processed or rejected (with its code)."""
    def find():
        for line in stack.log().splitlines():
            if line.startswith("{") and key in line and ("frame batch processed" in line
                                                          or "frame batch rejected" in line):
                return json.loads(line)
        return None
    return wait_for(find, timeout_s=60, what=f"the handler's verdict on {key}")


def _frames_bucket_keys(stack, session_id: str) -> list[str]:
    listing = stack.client("s3").list_objects_v2(Bucket=stack.env["EMOTECARE_FRAMES_BUCKET"],
                                                 Prefix=f"frames/{session_id}/")
    return [o["Key"] for o in listing.get("Contents", [])]


def _grant(user, session_id: str) -> dict:
    response = user.post(f"/sessions/{session_id}/frames/grant")
    assert response.status_code == 201, response.text
    return response.json()


def _upload_as(grant: dict, key: str) -> None:
    """Use `grant`'s signed form to write `key` instead (S3 would refuse; moto does not)."""
    forged = {**grant, "fields": {**grant["fields"], "key": key}}
    assert upload(forged, batch_of([face_jpeg()] * 4)).status_code in (200, 201, 204)


def test_a_grant_cannot_write_into_another_patients_session(stack, people):
    mine = live_session(stack, people["patient"], people["therapist"])
    theirs = live_session(stack, people["victim"], people["therapist"])
    grant = _grant(people["patient"], mine)
    grant_id = grant["key"].rsplit("/", 1)[1].removesuffix(".ecb")
    forged_key = f"frames/{theirs}/{people['victim'].user_id}/{grant_id}.ecb"
    _upload_as(grant, forged_key)
    verdict = _outcome(stack, forged_key)
    assert verdict["message"] == "frame batch rejected" and verdict["code"] == "no_grant"
    assert _frames_bucket_keys(stack, theirs) == []  # deleted unread
    assert people["therapist"].get(f"/sessions/{theirs}/feed").json()["records"] == []


def test_a_grant_names_its_patient(stack, people):
    mine = live_session(stack, people["patient"], people["therapist"])
    grant = _grant(people["patient"], mine)
    forged_key = grant["key"].replace(people["patient"].user_id, people["victim"].user_id)
    _upload_as(grant, forged_key)
    assert _outcome(stack, forged_key)["code"] == "grant_mismatch"


def test_an_upload_without_a_grant_is_deleted_unread(stack, people):
    mine = live_session(stack, people["patient"], people["therapist"])
    key = f"frames/{mine}/{people['patient'].user_id}/{uuid.uuid4().hex}.ecb"
    stack.client("s3").put_object(Bucket=stack.env["EMOTECARE_FRAMES_BUCKET"], Key=key,
                                  Body=batch_of([face_jpeg()] * 4))
    assert _outcome(stack, key)["code"] == "no_grant"
    assert _frames_bucket_keys(stack, mine) == []
    assert people["therapist"].get(f"/sessions/{mine}/feed").json()["records"] == []


def test_an_upload_after_its_grant_expired_is_deleted_unread(stack, people):
    mine = live_session(stack, people["patient"], people["therapist"])
    grant = _grant(people["patient"], mine)
    grant_id = grant["key"].rsplit("/", 1)[1].removesuffix(".ecb")
    # The grant ran out a minute ago (as if the upload came late): moto ignores the policy.
    stack.client("dynamodb").update_item(
        TableName=f"{stack.env['EMOTECARE_TABLE_PREFIX']}-upload-grants",
        Key={"session_id": {"S": mine}, "grant_id": {"S": grant_id}},
        UpdateExpression="SET valid_until = :t", ConditionExpression="attribute_exists(grant_id)",
        ExpressionAttributeValues={":t": {"N": str(int(time.time()) - 60)}})
    assert upload(grant, batch_of([face_jpeg()] * 4)).status_code in (200, 201, 204)
    assert _outcome(stack, grant["key"])["code"] == "grant_expired"
    assert _frames_bucket_keys(stack, mine) == []
    assert people["therapist"].get(f"/sessions/{mine}/feed").json()["records"] == []


def test_a_batch_under_its_own_live_grant_is_analysed(stack, people):
    mine = live_session(stack, people["patient"], people["therapist"])
    grant = _grant(people["patient"], mine)
    assert upload(grant, batch_of([face_jpeg()] * 2)).status_code in (200, 201, 204)
    assert _outcome(stack, grant["key"])["message"] == "frame batch processed"
