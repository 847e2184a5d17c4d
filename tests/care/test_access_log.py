"""The patient's access log: every read of their clinical data by someone else (point 3)."""
from __future__ import annotations

import pytest

from tests.support.scheduling import confirmed_booking

pytestmark = pytest.mark.stack


def test_the_access_log_lists_the_therapists_reads_without_content(patient, therapist):
    confirmed_booking(patient, therapist)
    pid = patient.user_id
    assert patient.get("/patients/me/trends").status_code == 200  # the patient's own read
    for path, params in ((f"/patients/{pid}/plan", None), (f"/patients/{pid}/trends", None),
                         (f"/patients/{pid}/trends", None),
                         ("/questionnaires/responses", {"patient_id": pid})):
        assert therapist.get(path, params=params).status_code == 200

    log = patient.get("/me/access-log")
    assert log.status_code == 200, log.text
    entries = log.json()["entries"]
    assert {(e["reader_id"], e["reader_role"], e["kind"]) for e in entries} == {
        (therapist.user_id, "therapist", kind) for kind in ("plan", "trends", "questionnaires")}
    trends = next(e for e in entries if e["kind"] == "trends")
    assert trends["reads"] == 2 and trends["reader_name"] == "Dr. Test"
    assert trends["first_at"] <= trends["last_at"]
    assert set(trends) == {"reader_id", "reader_name", "reader_role", "kind", "first_at",
                           "last_at", "reads"}


def test_refused_reads_and_other_patients_logs_stay_out(patient, therapist, people):
    stranger = people.therapist()
    assert stranger.get(f"/patients/{patient.user_id}/plan").status_code == 404
    assert patient.get("/me/access-log").json()["entries"] == []
    assert therapist.get("/me/access-log").status_code == 403
    assert patient.get("/me/access-log", params={"limit": "0"}).status_code == 400


def _rows(stack, table: str, patient_id: str) -> list:
    return stack.client("dynamodb").query(
        TableName=f"{stack.env['EMOTECARE_TABLE_PREFIX']}-{table}",
        KeyConditionExpression="patient_id = :p",
        ExpressionAttributeValues={":p": {"S": patient_id}})["Items"]


def test_the_access_log_is_exported_and_erased_with_the_account(stack, patient, therapist):
    confirmed_booking(patient, therapist)
    assert therapist.get(f"/patients/{patient.user_id}/plan").status_code == 200
    export = patient.get("/me/export")
    assert export.status_code == 200, export.text
    tables = export.json()["tables"]
    assert [e["kind"] for e in tables["access-log"]] == ["plan"]
    assert [r["state"] for r in tables["care-relationships"]] == ["active"]
    assert patient.delete("/me").status_code == 204
    assert _rows(stack, "access-log", patient.user_id) == []
    assert _rows(stack, "care-relationships", patient.user_id) == []
