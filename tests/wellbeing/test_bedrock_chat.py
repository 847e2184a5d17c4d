"""The configured Bedrock backend behind the stored chat: the safety check still comes first.

Runs `send_message` (what `POST /chat/messages` calls) in this process against the stack's
DynamoDB, with a botocore Stubber on a real bedrock-runtime client: a crisis message must
not reach it, an ordinary one reaches it once with the conversation so far.
"""
from __future__ import annotations

import boto3
import pytest
from botocore.stub import ANY, Stubber

from api import context
from emotecare.accounts.tokens import Principal
from emotecare.chat import ChatService
from emotecare.chat.bedrock import SYSTEM_PROMPT, BedrockBackend
from emotecare.chat.exchange import send_message
from emotecare.db.wellbeing import Conversation, SafetyEvent
from emotecare.settings import load_settings

pytestmark = pytest.mark.stack
MODEL = "anthropic.claude-3-haiku-20240307-v1:0"


@pytest.fixture
def bedrock():
    client = boto3.client("bedrock-runtime", region_name="us-east-1", aws_access_key_id="testing",
                          aws_secret_access_key="testing")
    with Stubber(client) as stubber:
        yield client, stubber


def _reply(text: str) -> dict:
    return {"output": {"message": {"role": "assistant", "content": [{"text": text}]}},
            "stopReason": "end_turn", "usage": {"inputTokens": 9, "outputTokens": 7, "totalTokens": 16},
            "metrics": {"latencyMs": 80}}


def test_crisis_never_reaches_bedrock_and_is_recorded(stack_tables, patient, bedrock):
    client, stubber = bedrock  # nothing queued: a converse call would raise
    me = Principal(patient.user_id, patient.email, "patient")
    service = ChatService(BedrockBackend(client, MODEL))
    answer = send_message(me, {"text": "i really want to kill myself"}, service)
    assert answer["crisis"] and answer["helplines"]
    row = SafetyEvent.get(patient.user_id, answer["safety_event_id"])
    assert row.type == "crisis_flagged" and row.context["conversation_id"] == answer["conversation_id"]
    retract = send_message(me, {"text": "lol jk you misunderstood",
                                "conversation_id": answer["conversation_id"]}, service)
    assert retract["risk_check_open"] and not retract["crisis"]
    stubber.assert_no_pending_responses()


def test_ordinary_message_is_answered_by_bedrock_with_the_stored_history(stack_tables, patient, bedrock):
    client, stubber = bedrock
    me = Principal(patient.user_id, patient.email, "patient")
    service = ChatService(BedrockBackend(client, MODEL))
    stubber.add_response("converse", _reply("That sounds heavy. What happened?"), {
        "modelId": MODEL, "system": [{"text": SYSTEM_PROMPT}], "inferenceConfig": ANY,
        "messages": [{"role": "user", "content": [{"text": "work has been rough"}]}]})
    first = send_message(me, {"text": "work has been rough"}, service)
    assert first["backend"] == "bedrock" and first["reply"].endswith("That sounds heavy. What happened?")
    stubber.add_response("converse", _reply("Deadlines can pile up."), {
        "modelId": MODEL, "system": [{"text": SYSTEM_PROMPT}], "inferenceConfig": ANY,
        "messages": [{"role": "user", "content": [{"text": "work has been rough"}]},
                     {"role": "assistant", "content": [{"text": first["reply"]}]},
                     {"role": "user", "content": [{"text": "my boss keeps adding deadlines"}]}]})
    second = send_message(me, {"text": "my boss keeps adding deadlines",
                               "conversation_id": first["conversation_id"]}, service)
    assert second["reply"] == "Deadlines can pile up."
    stubber.assert_no_pending_responses()
    assert len(Conversation.get(patient.user_id, first["conversation_id"]).state["history"]) == 4


def test_settings_choose_the_bedrock_backend(stack):
    chosen = context.build_chat_service_for(load_settings({**stack.env, "EMOTECARE_CHAT_BACKEND": "bedrock",
                                                           "EMOTECARE_BEDROCK_MODEL_ID": MODEL}))
    assert isinstance(chosen.backend, BedrockBackend) and chosen.backend._model_id == MODEL
    assert context.build_chat_service_for(load_settings(stack.env)).backend.name == "local"
