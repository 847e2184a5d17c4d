"""A patient downloads all their data, then deletes the account: nothing of theirs is left."""
from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError

from emotecare.accounts.personal_data import NOT_PATIENT_KEYED, locator_for
from emotecare.db import table_suffix
from emotecare.db.registry import all_models
from emotecare.db.standing import AccountStanding
from tests.support.accounts import make_user
from tests.support.mail import wait_for_mail
from tests.support.scheduling import approved_therapist, book, slot_after

pytestmark = pytest.mark.stack
NOW = "2026-01-05T10:00:00Z"


def _put(stack, table: str, item: dict) -> None:
    stack.client("dynamodb").put_item(
        TableName=f"{stack.env['EMOTECARE_TABLE_PREFIX']}-{table}",
        Item={k: {"S": v} if isinstance(v, str) else v for k, v in item.items()})


def _give_patient_a_history(stack, patient, session_id: str) -> None:
    """Records every area writes, as they store them (the areas' own code is elsewhere)."""
    pid = patient.user_id
    _put(stack, "emotion-records", {"session_id": session_id, "record_key": f"{NOW}#0#b1",
                                    "patient_id": pid, "captured_at": NOW,
                                    "face_found": {"BOOL": True}, "model_version": "v1"})
    _put(stack, "journal", {"patient_id": pid, "entry_key": f"{NOW}#j1", "entry_id": "j1",
                            "created_at": NOW, "mood": {"N": "6"}, "text": "ok day"})
    _put(stack, "chat-conversations", {"patient_id": pid, "conversation_id": "c1",
                                       "created_at": NOW, "updated_at": NOW})
    _put(stack, "chat-messages", {"patient_id": pid, "message_key": f"c1#{NOW}#0",
                                  "conversation_id": "c1", "sender": "patient",
                                  "text": "hello", "created_at": NOW})
    _put(stack, "questionnaires", {"patient_id": pid, "response_key": f"phq9#{NOW}",
                                   "kind": "phq9", "submitted_at": NOW, "answers": "[0,1]",
                                   "score": {"N": "1"}, "band": "minimal"})
    _put(stack, "safety-events", {"patient_id": pid, "event_key": f"{NOW}#e1",
                                  "event_id": "e1", "occurred_at": NOW, "source": "chat",
                                  "category": "self_harm"})
    html_key = f"reports/{pid}/2026-W02.html"
    _put(stack, "reports", {"patient_id": pid, "week": "2026-W02", "created_at": NOW,
                            "html_key": html_key})
    s3 = stack.client("s3")
    s3.put_object(Bucket=stack.env["EMOTECARE_REPORTS_BUCKET"], Key=html_key, Body=b"<html/>")
    # Not a `.ecb` batch, so the pipeline leaves it alone (it deletes batches it reads).
    s3.put_object(Bucket=stack.env["EMOTECARE_FRAMES_BUCKET"],
                  Key=f"frames/{session_id}/{pid}/upload-0001.bin", Body=b"frames")
    _put(stack, "session-signals", {"session_id": session_id, "seq": "1767607200000#a",
                                    "sender_id": pid, "type": "offer"})
    _put(stack, "feed-state", {"session_id": session_id, "through_key": "",
                               "version": {"N": "1"}})
    _put(stack, "frame-batches", {"batch_key": f"frames/{session_id}/{pid}/b1.ecb",
                                  "session_id": session_id, "outcome": "processed", "at": NOW})


def _everything_mentioning(stack, needles: list[str]) -> list[str]:
    """Every item or object anywhere whose content mentions one of `needles` (test-only scan)."""
    found = []
    dynamodb = stack.client("dynamodb")
    prefix = stack.env["EMOTECARE_TABLE_PREFIX"]
    for model in all_models():
        if model is AccountStanding:
            continue  # the erasure's ledger: when it ran, nothing else (tests/accounts/test_erasure.py)
        table = f"{prefix}-{table_suffix(model)}"
        for page in dynamodb.get_paginator("scan").paginate(TableName=table):
            for item in page["Items"]:
                text = json.dumps(item)
                if any(n in text for n in needles):
                    found.append(f"{table}: {text[:200]}")
    s3 = stack.client("s3")
    for bucket in (stack.env["EMOTECARE_FRAMES_BUCKET"], stack.env["EMOTECARE_REPORTS_BUCKET"]):
        for obj in s3.list_objects_v2(Bucket=bucket).get("Contents", []):
            if any(n in obj["Key"] for n in needles):
                found.append(f"s3://{bucket}/{obj['Key']}")
    return found


def test_every_table_is_reachable_by_patient_or_declared_not_personal():
    for model in all_models():
        assert locator_for(model) is not None or table_suffix(model) in NOT_PATIENT_KEYED, (
            f"{table_suffix(model)}: how are a patient's items found for export and deletion?")


def test_export_holds_every_record_and_file_of_the_patient(stack, therapist, patient):
    booking = book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 30)).json()
    _give_patient_a_history(stack, patient, booking["session_id"])
    therapist.put(f"/patients/{patient.user_id}/notes", json={"text": "private"})
    response = patient.get("/me/export")
    assert response.status_code == 200
    export = response.json()
    assert export["account"]["user_id"] == patient.user_id
    tables = export["tables"]
    for table in ("bookings", "sessions", "emotion-records", "journal", "chat-conversations",
                  "chat-messages", "questionnaires", "safety-events", "reports", "users",
                  "session-signals", "feed-state", "frame-batches"):
        assert len(tables[table]) == 1, table
    assert "private-notes" not in tables  # the therapist's, not the patient's
    keys = {f["key"] for f in export["files"]}
    assert f"reports/{patient.user_id}/2026-W02.html" in keys
    assert any(k.startswith(f"frames/{booking['session_id']}/") for k in keys)
    assert therapist.get("/me/export").status_code == 403


def test_deleting_the_account_leaves_nothing_and_tells_the_therapist(stack, admin, therapist,
                                                                     patient):
    bystander = make_user(stack, "patient")
    other_therapist = approved_therapist(stack, admin)
    mine = book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 30)).json()
    later = book(patient, other_therapist.user_id,
                 slot_after(patient, other_therapist.user_id, 60)).json()
    theirs = book(bystander, therapist.user_id, slot_after(bystander, therapist.user_id, 90))
    _give_patient_a_history(stack, patient, mine["session_id"])
    therapist.put(f"/patients/{patient.user_id}/notes", json={"text": "private"})
    patient.post("/auth/password/forgot", json={"email": patient.email})  # a stored reset code
    needles = [patient.user_id, patient.email, mine["session_id"], later["session_id"],
               mine["booking_id"], later["booking_id"]]
    assert len(_everything_mentioning(stack, needles)) >= 18

    response = patient.delete("/me")
    assert response.status_code == 204, response.text

    assert _everything_mentioning(stack, needles) == []
    with pytest.raises(ClientError, match="UserNotFoundException"):
        stack.client("cognito-idp").admin_get_user(UserPoolId=stack.env["EMOTECARE_USER_POOL_ID"],
                                                   Username=patient.email)
    for told in (therapist, other_therapist):
        assert wait_for_mail(stack, told.email, "A patient closed their account")
    # The freed slot can be booked again; other people's data is untouched.
    assert book(bystander, therapist.user_id, mine["starts_at"]).status_code == 201
    assert theirs.status_code == 201
    assert bystander.get(f"/bookings/{theirs.json()['booking_id']}").status_code == 200
    assert therapist.get(f"/patients/{patient.user_id}/notes").status_code == 404


def test_only_patients_may_delete_themselves_this_way(stack, therapist):
    assert therapist.delete("/me").status_code == 403
    assert make_user(stack, "admin").delete("/me").status_code == 403


def test_token_of_a_deleted_account_is_refused(stack):
    patient = make_user(stack, "patient")
    assert patient.delete("/me").status_code == 204
    assert patient.get("/me").status_code == 401
    assert patient.get("/bookings").status_code == 401
