"""A patient's message passes the chatbot's safety check; the other side is mailed, rarely."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.messaging.helpers import booked, inbox, thread, write
from tests.support.mail import sent_mails, wait_for_mail

pytestmark = pytest.mark.stack
CRISIS_TEXT = "I want to kill myself tonight"


def test_a_crisis_message_gets_the_crisis_answer_a_flag_and_a_safety_event(patient, therapist):
    booked(patient, therapist)
    sent = write(patient, therapist, CRISIS_TEXT)
    assert sent.status_code == 201, sent.text
    answer = sent.json()
    assert answer["crisis"] is True and answer["text"] == CRISIS_TEXT, "the message is still stored"
    assert answer["helplines"] and answer["emergency_number"] == "999"  # the patient is in GB
    assert answer["offer_therapist_alert"] is True and answer["safety_event_id"]
    assert "Dr. Test" in answer["crisis_reply"], "the offer names the therapist written to"

    [row] = inbox(therapist)
    assert row["crisis_unread"] == 1 and row["unread"] == 1
    assert thread(therapist, patient)["messages"][0]["crisis"] is True

    events = therapist.get("/safety-events").json()["events"]
    [event] = [e for e in events if e["event_id"] == answer["safety_event_id"]]
    assert event["source"] == "message" and event["type"] == "crisis_flagged"
    assert event["context"] == {"message_id": answer["message_id"]}
    assert "kill" not in str(event).lower(), "no message text in the safety event"

    alerted = patient.post(f"/safety-events/{answer['safety_event_id']}/alert-therapist")
    assert alerted.status_code == 200 and alerted.json()["alert_sent"] is True


def test_an_ordinary_message_and_a_therapists_message_are_not_crises(patient, therapist):
    booked(patient, therapist)
    ordinary = write(patient, therapist, "Work was stressful but I used the breathing exercise.")
    assert ordinary.json()["crisis"] is False and "helplines" not in ordinary.json()
    # Only patients' messages are checked: a therapist quoting risk words is not a crisis.
    quoted = write(therapist, patient, f"You wrote '{CRISIS_TEXT}' last month; how is it now?")
    assert quoted.status_code == 201 and quoted.json()["crisis"] is False


def test_the_other_side_is_mailed_once_an_hour_per_thread_without_content(stack, patient, therapist):
    booked(patient, therapist)
    for text in ("first secret words", "second secret words", "third"):
        assert write(patient, therapist, text).status_code == 201
    mail = wait_for_mail(stack, therapist.email, "new message")
    assert "secret" not in mail.text and "secret" not in mail.subject
    assert f"#/messages/{patient.user_id}" in mail.text
    assert len(_message_mails(stack, therapist.email)) == 1

    assert write(therapist, patient, "reply").status_code == 201
    wait_for_mail(stack, patient.email, "new message")
    assert len(_message_mails(stack, patient.email)) == 1

    # An hour later (the stored last-notified time moved back), the next message mails again.
    _notified_long_ago(stack, therapist.user_id, patient.user_id)
    assert write(patient, therapist, "a day later").status_code == 201
    assert len(_message_mails(stack, therapist.email)) == 2


def _message_mails(stack, to: str) -> list:
    return [m for m in sent_mails(stack, to) if "new message" in m.subject]


def _notified_long_ago(stack, owner_id: str, other_id: str) -> None:
    earlier = (datetime.now(timezone.utc) - timedelta(minutes=61)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    stack.client("dynamodb").update_item(
        TableName=f"{stack.env['EMOTECARE_TABLE_PREFIX']}-message-inbox",
        Key={"owner_id": {"S": owner_id}, "other_id": {"S": other_id}},
        UpdateExpression="SET notified_at = :t", ExpressionAttributeValues={":t": {"S": earlier}})
