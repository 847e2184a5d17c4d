"""Messages are in the patient's export; deleting the account deletes the patient's threads,
the therapist's side included (the thread is the patient's clinical data)."""
from __future__ import annotations

import pytest

from tests.messaging.helpers import booked, inbox, write

pytestmark = pytest.mark.stack


def test_export_holds_the_thread_and_deletion_removes_both_sides(stack, patient, therapist):
    booked(patient, therapist)
    assert write(patient, therapist, "my words").status_code == 201
    assert write(therapist, patient, "their reply").status_code == 201
    notes = therapist.put(f"/patients/{patient.user_id}/notes", json={"text": "private note"})
    assert notes.status_code == 200, notes.text

    export = patient.get("/me/export")
    assert export.status_code == 200, export.text
    tables = export.json()["tables"]
    assert sorted(m["text"] for m in tables["messages"]) == ["my words", "their reply"]
    assert {r["owner_id"] for r in tables["message-inbox"]} == {patient.user_id, therapist.user_id}
    assert "private-notes" not in tables, "therapists' private notes stay separate"

    assert patient.delete("/me").status_code == 204
    assert inbox(therapist) == [], "the therapist's copy of the thread goes with the account"
    dynamodb, prefix = stack.client("dynamodb"), stack.env["EMOTECARE_TABLE_PREFIX"]
    left = dynamodb.query(TableName=f"{prefix}-messages", KeyConditionExpression="thread_id = :t",
                          ExpressionAttributeValues={":t": {"S": f"{patient.user_id}#{therapist.user_id}"}})
    assert left["Items"] == []
    assert therapist.get(f"/messages/threads/{patient.user_id}").status_code == 404
