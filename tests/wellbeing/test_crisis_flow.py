"""The crisis flow end to end: reply with the country's lines, a recorded event the therapist
sees (without the words), the alert mail, negations, and a "you misunderstood, I'm safe" that
is recorded as a retraction without trapping the patient in a risk loop."""
from __future__ import annotations

import json

import pytest

from emotecare.db.wellbeing import Conversation, SafetyEvent
from tests.support.mail import sent_mails, wait_for_mail
from tests.wellbeing.conftest import set_country

pytestmark = pytest.mark.stack
CRISIS = "honestly I just want to end it all tonight"
LINES = {"US": "988", "GB": "116 123", "IN": "14416"}


def _events(therapist) -> list[dict]:
    response = therapist.get("/safety-events")
    assert response.status_code == 200, response.text
    return response.json()["events"]


@pytest.mark.parametrize("country", ["US", "GB", "IN"])
def test_crisis_message_gets_the_countrys_lines_and_the_therapist_sees_an_event(
        stack, patient, therapist, country):
    set_country(patient, country)
    answer = patient.post("/chat/messages", json={"text": CRISIS}).json()
    assert answer["crisis"] is True and answer["category"] == "suicidal_ideation"
    phones = " ".join(line.get("phone") or "" for line in answer["helplines"])
    assert LINES[country] in phones and LINES[country] in answer["reply"]
    assert answer["helplines"][-1]["url"] == "https://findahelpline.com"
    assert answer["offer_therapist_alert"] is True and answer["safety_event_id"]
    assert answer["risk_check_open"] is True

    events = _events(therapist)
    assert [e["event_id"] for e in events] == [answer["safety_event_id"]]
    event = events[0]
    assert (event["patient_id"], event["type"], event["source"]) == (
        patient.user_id, "crisis_flagged", "chat")
    assert event["context"]["conversation_id"] == answer["conversation_id"]
    assert "end it all" not in json.dumps(events)  # the words stay in the patient's chat
    assert event["therapist_alerted"] is False


def test_alerting_the_therapist_sends_one_mail_without_the_message(stack, patient, therapist):
    answer = patient.post("/chat/messages", json={"text": "I keep cutting my arms again"}).json()
    assert answer["crisis"] and answer["category"] == "self_harm"
    path = f"/safety-events/{answer['safety_event_id']}/alert-therapist"

    response = patient.post(path)
    assert response.status_code == 200, response.text
    assert response.json()["alert_sent"] is True
    mail = wait_for_mail(stack, therapist.email, "Safety alert")
    assert "asked you to reach out" in mail.subject
    assert f"#/patients/{patient.user_id}" in mail.text  # a link to the patient's page
    # Only that the patient asked for contact: no words, and not even what was flagged.
    for secret in ("cutting", "arms", "self harm", "self_harm", "chat"):
        assert secret not in mail.text.lower(), secret

    again = patient.post(path)
    assert again.status_code == 200 and again.json()["alert_sent"] is False
    assert len([m for m in sent_mails(stack, therapist.email) if "Safety alert" in m.subject]) == 1
    assert _events(therapist)[0]["therapist_alerted"] is True


def test_only_the_patient_may_alert_about_their_event(patient, outsider, therapist, admin):
    event_id = patient.post("/chat/messages", json={"text": CRISIS}).json()["safety_event_id"]
    path = f"/safety-events/{event_id}/alert-therapist"
    assert outsider.post(path).status_code == 404
    assert therapist.post(path).status_code == 403
    assert admin.post(path).status_code == 403
    assert patient.post("/safety-events/not-an-event/alert-therapist").status_code == 404


def test_a_patient_without_a_therapist_is_told_to_use_the_helplines(outsider):
    event_id = outsider.post("/chat/messages", json={"text": CRISIS}).json()["safety_event_id"]
    response = outsider.post(f"/safety-events/{event_id}/alert-therapist")
    assert response.status_code == 409 and "helpline" in response.json()["error"]


def test_other_therapists_do_not_see_the_event(patient, other_therapist):
    patient.post("/chat/messages", json={"text": CRISIS})
    assert _events(other_therapist) == []


@pytest.mark.parametrize("text", [
    "I'm not going to hurt myself, I just needed to vent",
    "this exam is killing me",
    "I'm dying of embarrassment after that meeting lol",
    "I felt really sad today and cried a bit",
])
def test_negations_and_figures_of_speech_do_not_start_the_crisis_flow(patient, therapist, text):
    answer = patient.post("/chat/messages", json={"text": text}).json()
    assert answer["crisis"] is False and answer["risk_check_open"] is False
    assert "safety_event_id" not in answer
    assert _events(therapist) == []


def test_im_safe_you_misunderstood_is_a_retraction_and_the_next_message_is_ordinary(patient, therapist,
                                                                                      stack_tables):
    flagged = patient.post("/chat/messages", json={"text": CRISIS}).json()
    cid = flagged["conversation_id"]
    assert flagged["crisis"] is True and flagged["level"] == "method_intent_plan"
    stored = Conversation.get(patient.user_id, cid, consistent_read=True).state["risk"]
    assert stored["flag_event_id"] == flagged["safety_event_id"]  # the flag a retraction will name

    retracted = patient.post("/chat/messages", json={"text": "You misunderstood me. I'm safe",
                                                     "conversation_id": cid}).json()
    assert retracted["crisis"] is False and retracted["risk_check_open"] is False
    assert "Are you safe right now?" not in retracted["reply"] and retracted["safety_event_id"]
    # The therapist learns that the flag was taken back, too.
    assert [e["type"] for e in _events(therapist)] == ["risk_retracted", "crisis_flagged"]

    # No risk loop: an ordinary message gets an ordinary reply, a technique can start again.
    cat = patient.post("/chat/messages", json={"text": "My cat died last week too", "conversation_id": cid}).json()
    assert cat["crisis"] is False and "safe right now" not in cat["reply"]
    grounding = patient.post("/chat/messages", json={"text": "can we do grounding", "conversation_id": cid}).json()
    assert grounding["technique"] == "grounding"
    # ...while a new crisis message still gets the crisis answer at once.
    again = patient.post("/chat/messages", json={"text": "I want to kill myself", "conversation_id": cid}).json()
    assert again["crisis"] is True and again["risk_check_open"] is True


def test_a_bare_jk_gets_one_direct_question_and_two_confirmations_close_the_check(patient, stack_tables):
    cid = patient.post("/chat/messages", json={"text": CRISIS}).json()["conversation_id"]
    jk = patient.post("/chat/messages", json={"text": "lol jk", "conversation_id": cid}).json()
    assert jk["risk_check_open"] is True and "safe right now" in jk["reply"]
    first = patient.post("/chat/messages", json={"text": "yes, I am safe right now", "conversation_id": cid}).json()
    assert first["risk_check_open"] is True
    second = patient.post("/chat/messages", json={"text": "yes I will call them if it comes back",
                                                  "conversation_id": cid}).json()
    assert second["risk_check_open"] is False


def test_asking_for_one_practical_thing_tonight_gets_no_crisis_box_and_no_event(patient, therapist):
    # Issue 23's other benign message, "I'm going to take a long bath tonight.", is still a known
    # false alarm of crisis-3.0.0 (emotecare/safety/MODEL_CARD.md, tests/safety/test_known_cases.py).
    answer = patient.post("/chat/messages", json={"text": "Can you just give me one practical thing to try tonight?"}).json()
    assert answer["crisis"] is False and answer["level"] in ("none", "distress")
    assert "helplines" not in answer and _events(therapist) == []


def test_safety_events_are_therapists_only(patient, admin, outsider):
    for user in (patient, admin, outsider):
        assert user.get("/safety-events").status_code == 403


def test_safety_event_rows_hold_no_message_text(patient, stack_tables):
    text = "I took a whole bottle of pills an hour ago"
    answer = patient.post("/chat/messages", json={"text": text}).json()
    assert answer["crisis"] and answer["category"] == "medical_emergency"
    row = SafetyEvent.get(patient.user_id, answer["safety_event_id"])
    assert "bottle" not in json.dumps(row.to_simple_dict())
