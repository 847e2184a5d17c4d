"""Chat through the API: techniques over several requests, conversations, deletion, access."""
from __future__ import annotations

import pytest

from emotecare.db.wellbeing import ChatMessage, Conversation

pytestmark = pytest.mark.stack


def _send(user, text, conversation_id=None):
    body = {"text": text} | ({"conversation_id": conversation_id} if conversation_id else {})
    response = user.post("/chat/messages", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def test_first_reply_says_it_is_an_ai(patient):
    answer = _send(patient, "hello there")
    assert "I'm an AI assistant, not a therapist" in answer["reply"]
    assert not answer["crisis"]
    follow_up = _send(patient, "I had an ok day", answer["conversation_id"])
    assert "not a therapist" not in follow_up["reply"]  # said once, at the start


def test_grounding_technique_is_carried_across_requests_in_the_stored_state(patient, stack_tables):
    started = _send(patient, "can we do grounding please")
    cid = started["conversation_id"]
    assert started["technique"] == "grounding"
    stored = Conversation.get(patient.user_id, cid, consistent_read=True).state
    assert stored["technique"] == {"id": "grounding", "step": 0, "answers": {}}

    replies = [_send(patient, answer, cid) for answer in
               ("my desk, a lamp, a mug, the window, a plant", "my sleeves, the chair, the floor, my hair",
                "traffic, the fridge, birds", "coffee, soap")]
    assert all(r["technique"] == "grounding" for r in replies)
    stored = Conversation.get(patient.user_id, cid, consistent_read=True).state
    assert stored["technique"]["step"] == 4
    assert stored["technique"]["answers"]["hear"] == "traffic, the fridge, birds"

    finished = _send(patient, "mint toothpaste", cid)
    assert finished["technique"] is None
    assert finished["suggestions"], "a finished technique suggests matching resources"
    stored = Conversation.get(patient.user_id, cid, consistent_read=True).state
    assert stored["technique"] is None and stored["completed_techniques"] == ["grounding"]


def test_a_number_outside_the_scale_is_asked_again_and_the_step_kept(patient):
    cid = _send(patient, "can we do a breathing exercise")["conversation_id"]
    again = _send(patient, "about 42", cid)
    assert "number from 0 to 10" in again["reply"] and again["technique"] == "breathing"
    moved_on = _send(patient, "7", cid)
    assert moved_on["technique"] == "breathing" and "number from" not in moved_on["reply"]


def test_no_thanks_i_dont_want_a_check_in_is_honoured(patient):
    answer = _send(patient, "No thanks, I don't want a check-in")
    assert answer["technique"] is None and answer["crisis"] is False
    assert "how is your mood" not in answer["reply"].lower()
    asked = _send(patient, "ok, can we do a check-in now", answer["conversation_id"])
    assert asked["technique"] == "mood_checkin"
    declined = _send(patient, "actually no, I'd rather not rate anything", answer["conversation_id"])
    assert declined["technique"] is None and "number from" not in declined["reply"]


def test_a_distress_message_gets_support_and_its_level_but_no_crisis_box(patient):
    answer = _send(patient, "Work has been so stressful and I keep crying after my shifts, I feel like I'm failing")
    assert answer["crisis"] is False and answer["level"] == "distress"
    assert "talk to someone any time" in answer["reply"] and "helplines" not in answer


def test_conversations_are_listed_read_and_deleted_by_their_patient(patient, stack_tables):
    first = _send(patient, "I feel stressed about work")
    _send(patient, "mostly deadlines", first["conversation_id"])
    second = _send(patient, "can't sleep lately")
    listed = patient.get("/chat/conversations").json()["conversations"]
    assert {c["conversation_id"] for c in listed} >= {first["conversation_id"], second["conversation_id"]}
    assert listed[0]["conversation_id"] == second["conversation_id"]  # most recent first

    read = patient.get(f"/chat/conversations/{first['conversation_id']}").json()
    assert [m["sender"] for m in read["messages"]] == ["patient", "bot", "patient", "bot"]
    assert read["messages"][0]["text"] == "I feel stressed about work"
    assert read["title"] == "I feel stressed about work"

    assert patient.delete(f"/chat/conversations/{first['conversation_id']}").status_code == 204
    assert patient.get(f"/chat/conversations/{first['conversation_id']}").status_code == 404
    left = list(ChatMessage.query(patient.user_id,
                                  ChatMessage.message_key.startswith(f"{first['conversation_id']}#")))
    assert left == []
    assert patient.get(f"/chat/conversations/{second['conversation_id']}").status_code == 200
    # Sending to a deleted conversation does not bring it back.
    gone = patient.post("/chat/messages", json={"text": "hi", "conversation_id": first["conversation_id"]})
    assert gone.status_code == 404


def test_nobody_else_reads_sends_to_or_deletes_a_conversation(patient, outsider, therapist, admin):
    cid = _send(patient, "I've been feeling lonely")["conversation_id"]
    path = f"/chat/conversations/{cid}"
    assert outsider.get(path).status_code == 404
    assert outsider.delete(path).status_code == 404
    assert outsider.post("/chat/messages", json={"text": "hi", "conversation_id": cid}).status_code == 404
    assert outsider.get("/chat/conversations").json()["conversations"] == []
    for user in (therapist, admin):  # admins (and therapists) cannot read chats at all
        assert user.get(path).status_code == 403
        assert user.get("/chat/conversations").status_code == 403
        assert user.delete(path).status_code == 403
    assert patient.get(path).status_code == 200


@pytest.mark.parametrize("body, field", [
    ({}, "text"), ({"text": ""}, "text"), ({"text": "   "}, "text"), ({"text": 5}, "text"),
    ({"text": "x" * 5001}, "text"), ({"text": "hi", "mood": 3}, "mood"),
    ({"text": "hi", "conversation_id": 7}, "conversation_id"),
])
def test_malformed_messages_are_rejected_naming_the_field(patient, body, field):
    response = patient.post("/chat/messages", json=body)
    assert response.status_code == 400, response.text
    assert response.json()["field"] == field
