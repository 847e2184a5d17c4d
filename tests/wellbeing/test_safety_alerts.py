"""The therapist's safety alerts: acknowledged by whom and when, on their dashboard (issue 16, item 2);
graded levels, urgent mail, retractions and the "not a crisis" verdict (issue 23, point 5)."""
from __future__ import annotations

import csv
import io
from urllib.parse import quote

import pytest

from emotecare.db.wellbeing import SafetyEvent
from emotecare.escalation.care_team import load_patient_context
from emotecare.escalation.events import record_safety_event
from emotecare.escalation.policy import LEVELS, escalation_for
from emotecare.safety import CRISIS_FLAGGED, SafetyResult, build_safety_event
from tests.support.mail import sent_mails, wait_for_mail

pytestmark = pytest.mark.stack
CRISIS = "I am going to kill myself tonight, I have the pills ready"


def _event_id(patient) -> str:
    answer = patient.post("/chat/messages", json={"text": CRISIS}).json()
    assert answer["crisis"], answer
    return answer["safety_event_id"]


def test_the_therapist_acknowledges_an_alert_once_and_it_stays_on_the_dashboard(
        patient, therapist):
    event_id = _event_id(patient)
    listed = therapist.get("/safety-events").json()["events"][0]
    assert (listed["event_id"], listed["source"]) == (event_id, "chat")
    assert listed["occurred_at"] and listed["acknowledged_at"] is None

    path = f"/safety-events/{quote(event_id, safe='')}/acknowledge"
    first = therapist.post(path)
    assert first.status_code == 200, first.text
    assert first.json()["acknowledged_by"] == therapist.user_id
    acknowledged_at = first.json()["acknowledged_at"]
    assert acknowledged_at >= listed["occurred_at"]

    again = therapist.post(path)
    assert again.status_code == 200 and again.json()["acknowledged_at"] == acknowledged_at
    shown = therapist.get("/safety-events").json()["events"][0]
    assert (shown["acknowledged_by"], shown["acknowledged_at"]) == (therapist.user_id,
                                                                     acknowledged_at)


def test_only_the_patients_therapist_may_acknowledge(patient, therapist, other_therapist, admin,
                                                     outsider):
    event_id = _event_id(patient)
    path = f"/safety-events/{event_id}/acknowledge"
    assert other_therapist.post(path).status_code == 404
    for user in (patient, outsider, admin):
        assert user.post(path).status_code == 403
    assert therapist.post("/safety-events/not-an-event/acknowledge").status_code == 404
    shown = therapist.get("/safety-events").json()["events"][0]
    assert shown["acknowledged_at"] is None


# Issue 23, point 5: graded levels, retractions, "not a crisis", urgent mail.

RETRACTION = "you misunderstood, I'm fine"


def test_an_event_carries_its_level_and_an_urgent_one_is_mailed_at_once(stack, patient, therapist):
    event_id = _event_id(patient)
    [listed] = therapist.get("/safety-events").json()["events"]
    assert listed["event_id"] == event_id
    assert (listed["level"], listed["urgent"], listed["retraction"], listed["not_a_crisis"]) == (
        "method_intent_plan", True, None, None)  # the pills are ready: a plan
    # Urgent: the therapist is mailed without the patient asking; no words, a link to reach them.
    mail = wait_for_mail(stack, therapist.email, "URGENT safety alert")
    assert f"#/patients/{patient.user_id}/contact" in mail.text
    assert "pills" not in mail.text.lower() and "kill" not in mail.text.lower()
    assert therapist.get("/safety-events").json()["events"][0]["urgent_mail_at"]
    # The mail the patient asks for is marked urgent too, and links to the same contact page.
    assert patient.post(f"/safety-events/{quote(event_id, safe='')}/alert-therapist").status_code == 200
    asked = wait_for_mail(stack, therapist.email, "asked you to reach out")
    assert asked.subject.startswith("URGENT") and f"#/patients/{patient.user_id}/contact" in asked.text


def test_phq9_item_9_is_a_routine_alert_that_is_not_mailed(stack, patient, therapist):
    answers = [1, 1, 1, 1, 1, 1, 1, 1, 1]
    response = patient.post("/questionnaires/phq9/responses", json={"answers": answers})
    assert response.status_code == 201, response.text
    [listed] = therapist.get("/safety-events").json()["events"]
    assert (listed["source"], listed["level"], listed["urgent"]) == ("questionnaire", "passive_ideation", False)
    assert listed["urgent_mail_at"] is None
    assert not [m for m in sent_mails(stack, therapist.email) if "URGENT" in m.subject]


def test_a_retraction_names_the_alert_it_takes_back_and_the_alert_shows_it(patient, therapist):
    flagged = patient.post("/chat/messages", json={"text": CRISIS}).json()
    retracted = patient.post("/chat/messages", json={"text": RETRACTION,
                                                     "conversation_id": flagged["conversation_id"]}).json()
    retraction_id = retracted["safety_event_id"]
    events = {e["event_id"]: e for e in therapist.get("/safety-events").json()["events"]}
    retraction, alert = events[retraction_id], events[flagged["safety_event_id"]]
    assert (retraction["type"], retraction["retracts"], retraction["level"]) == (
        "risk_retracted", alert["event_id"], "none")
    assert alert["retraction"] == {"event_id": retraction_id, "occurred_at": retraction["occurred_at"]}
    assert alert["retracts"] is None


def test_the_therapist_marks_an_alert_not_a_crisis_and_the_verdict_is_kept_and_exported(
        patient, therapist, other_therapist):
    event_id = _event_id(patient)
    path = f"/safety-events/{quote(event_id, safe='')}/not-a-crisis"
    assert therapist.post(path, json={"note": "x" * 501}).status_code == 400
    assert therapist.post(path, json={"verdict": "no"}).status_code == 400
    assert other_therapist.post(path).status_code == 404
    assert patient.post(path).status_code == 403

    first = therapist.post(path, json={"note": "talking about a film"})
    assert first.status_code == 200, first.text
    verdict = first.json()["not_a_crisis"]
    assert (verdict["by"], verdict["note"]) == (therapist.user_id, "talking about a film") and verdict["at"]
    again = therapist.post(path, json={"note": "changed my mind"})
    assert again.json()["not_a_crisis"] == verdict  # the first verdict stays
    [listed] = therapist.get("/safety-events").json()["events"]
    assert listed["not_a_crisis"] == verdict  # still listed, marked

    export = therapist.get("/safety-events/export")
    assert export.status_code == 200 and export.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(export.text)))
    assert [(r["event_id"], r["level"], r["verdict"], r["verdict_by"], r["verdict_note"]) for r in rows] == [
        (event_id, "method_intent_plan", "not_a_crisis", therapist.user_id, "talking about a film")]
    assert other_therapist.get("/safety-events/export").text.strip().count("\n") == 0  # header only


def test_a_retraction_cannot_be_marked_not_a_crisis(patient, therapist):
    flagged = patient.post("/chat/messages", json={"text": CRISIS}).json()
    retraction_id = patient.post("/chat/messages", json={
        "text": RETRACTION, "conversation_id": flagged["conversation_id"]}).json()["safety_event_id"]
    assert therapist.post(f"/safety-events/{retraction_id}/not-a-crisis").status_code == 409


def test_no_literal_null_in_what_the_alerts_list_names(patient, therapist):
    flagged = patient.post("/chat/messages", json={"text": CRISIS}).json()
    patient.post("/chat/messages", json={"text": RETRACTION, "conversation_id": flagged["conversation_id"]})
    for event in therapist.get("/safety-events").json()["events"]:
        assert event["patient_name"] and event["level"] in LEVELS
        assert "null" not in " ".join(str(v) for v in (event["type"], event["source"], event["level"]))


@pytest.mark.parametrize("level", ["none", "distress"])
def test_none_and_distress_raise_no_alert_and_distress_is_kept_for_the_report(stack_tables, patient, therapist,
                                                                             level):
    context = load_patient_context(patient.user_id)
    result = SafetyResult(crisis=True, category="suicidal_ideation")
    event = {**build_safety_event(CRISIS_FLAGGED, "chat", result), "level": level}
    assert record_safety_event(context, event, conversation_id="c1") is None
    assert therapist.get("/safety-events").json()["events"] == []
    stored = [row.type for row in SafetyEvent.query(patient.user_id, consistent_read=True)]
    assert stored == (["distress_noted"] if level == "distress" else [])


def test_the_policy_gives_each_level_its_alert():
    assert [(e.level, e.alert, e.mail_at_once, e.report_distress) for e in map(escalation_for, LEVELS)] == [
        ("none", None, False, False), ("distress", None, False, True),
        ("passive_ideation", "routine", False, False), ("active_ideation", "urgent", True, False),
        ("method_intent_plan", "urgent", True, False), ("behaviour_or_danger", "urgent", True, False)]
    assert escalation_for(None).urgent and escalation_for("made_up").urgent  # an ungraded flag is not played down


def test_an_urgent_alert_stays_listed_when_its_mail_fails(stack_tables, patient, therapist, monkeypatch):
    from botocore.exceptions import ClientError

    from emotecare.escalation import urgent
    from emotecare.settings import load_settings

    def ses_down(*args, **kwargs):
        raise ClientError({"Error": {"Code": "Throttling", "Message": "slow down"}}, "SendRawEmail")

    monkeypatch.setattr(urgent, "get_settings", lambda: load_settings(stack_tables.env))
    monkeypatch.setattr(urgent, "send_templated", ses_down)
    event = build_safety_event(CRISIS_FLAGGED, "chat", SafetyResult(crisis=True, category="suicidal_ideation",
                                                                  level="active_ideation"))
    row = record_safety_event(load_patient_context(patient.user_id), event, conversation_id="c1")
    [listed] = therapist.get("/safety-events").json()["events"]
    assert (listed["event_id"], listed["urgent"], listed["urgent_mail_at"]) == (row.event_id, True, None)
