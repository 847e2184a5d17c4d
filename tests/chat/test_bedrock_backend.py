"""The Bedrock backend against a stubbed client: the request shape, errors, and safety first."""
import json

from botocore.stub import ANY

from emotecare.chat import ChatService, build_backend
from emotecare.chat.bedrock import SYSTEM_PROMPT, BedrockBackend, map_history
from tests.chat.conftest import converse_response

MODEL = "anthropic.claude-3-haiku-20240307-v1:0"


def test_bedrock_reply_is_returned_with_system_prompt_and_history(bedrock_client):
    client, stubber = bedrock_client
    stubber.add_response("converse", converse_response("That sounds like a lot. What's weighing on you most?"), {
        "modelId": MODEL,
        "system": [{"text": SYSTEM_PROMPT}],
        "messages": [{"role": "user", "content": [{"text": "I'm stressed about my new job"}]}],
        "inferenceConfig": ANY,
    })
    service = ChatService(BedrockBackend(client, MODEL))
    state = service.start_conversation().state  # opens with an assistant message, not sent to Bedrock
    state["technique"] = None  # skip the opening mood check-in for this test
    turn = service.handle_message(state, "I'm stressed about my new job")
    # A distress message: Bedrock's words, then the check's line of support (docs/safety-levels.md).
    assert turn.reply.startswith("That sounds like a lot. What's weighing on you most?")
    assert turn.backend == "bedrock" and not turn.crisis and turn.level in ("none", "distress")
    stubber.assert_no_pending_responses()


def test_crisis_message_never_reaches_bedrock(bedrock_client):
    client, stubber = bedrock_client  # nothing queued: any converse call would raise
    service = ChatService(BedrockBackend(client, MODEL))
    turn = service.handle_message(None, "honestly i just want to end it all tonight", country="US")
    assert turn.crisis and turn.safety_event["type"] == "crisis_flagged"
    assert "988" in turn.reply
    follow_up = service.handle_message(turn.state, "lol jk you misunderstood", country="US")
    assert not follow_up.crisis and "safe right now" in follow_up.reply
    assert follow_up.safety_event["type"] == "risk_retracted"
    stubber.assert_no_pending_responses()


def test_bedrock_failure_falls_back_to_the_local_backend(bedrock_client):
    client, stubber = bedrock_client
    stubber.add_client_error("converse", service_error_code="ThrottlingException", http_status_code=429)
    service = ChatService(BedrockBackend(client, MODEL))
    turn = service.handle_message({"disclosed": True}, "I've been feeling anxious about exams")
    assert turn.backend == "local" and "anxious" in turn.reply
    stubber.assert_no_pending_responses()


def test_history_maps_to_alternating_converse_messages_starting_with_the_user():
    history = [{"role": "assistant", "text": "Hi, I'm an AI."}, {"role": "user", "text": "hello"},
               {"role": "user", "text": "are you there"}, {"role": "assistant", "text": "Yes."}]
    messages = map_history(history, "ok")
    assert [m["role"] for m in messages] == ["user", "assistant", "user"]
    assert messages[0]["content"][0]["text"] == "hello\nare you there"
    json.dumps(messages)


def test_backend_is_chosen_from_settings_and_the_client_made_only_for_bedrock(bedrock_client):
    client, _ = bedrock_client
    calls = []

    def factory():
        calls.append(1)
        return client

    assert build_backend("local", factory).name == "local" and calls == []
    assert build_backend("bedrock", factory, MODEL).name == "bedrock" and calls == [1]
