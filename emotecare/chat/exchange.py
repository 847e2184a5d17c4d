"""The patient's side of the chat as the API offers it: send a message, read and delete history.

`send_message` is the call order of `docs/between-sessions-domain.md`: the `ChatService`
runs the safety check before anything else (whichever backend is configured), the new
state (with any open risk check) is stored with the conversation, and a safety event is
recorded for the patient's therapist. Nothing about the conversation stays in memory.
"""
from __future__ import annotations

from emotecare.accounts.tokens import Principal
from emotecare.chat import store
from emotecare.chat.service import MAX_MESSAGE_CHARS, ChatService
from emotecare.escalation.care_team import load_patient_context
from emotecare.escalation.crisis import crisis_fields
from emotecare.escalation.events import record_safety_event
from emotecare.accounts import throttle
from emotecare.fields import Fields


def send_message(patient: Principal, body: dict, service: ChatService) -> dict:
    """Answer one message: `{text, conversation_id?}` → the reply and, in a crisis, the help."""
    f = Fields(body, ("text", "conversation_id"))
    text = f.text("text", max_len=MAX_MESSAGE_CHARS)
    conversation_id = f.text("conversation_id", max_len=64, default=None)
    throttle.spend_own(throttle.CHAT_TURNS, patient.user_id, "chat messages")
    conversation = (store.load_conversation(patient.user_id, conversation_id) if conversation_id
                    else store.new_conversation(patient.user_id))
    context = load_patient_context(patient.user_id)
    turn = service.handle_message(conversation.state, text, country=context.country,
                                  therapist_name=context.therapist_name)
    event = None
    if turn.safety_event:
        event = record_safety_event(context, turn.safety_event,
                                    conversation_id=conversation.conversation_id)
    if turn.crisis and event is not None:
        # Kept with the open risk check, so a later "I'm safe, you misunderstood" names the flag it retracts.
        turn.state["risk"]["flag_event_id"] = event.event_id
    store.save_turn(conversation, turn.state, text, turn.reply, turn.crisis)
    answer = {"conversation_id": conversation.conversation_id, "reply": turn.reply, "crisis": turn.crisis,
              "level": turn.level,
              "risk_check_open": bool(turn.state.get("risk", {}).get("open")),
              "technique": (turn.state.get("technique") or {}).get("id") or turn.technique,
              "suggestions": list(turn.suggestions), "offer_booking": turn.offer_booking,
              "backend": turn.backend}
    if turn.crisis:
        answer.update(crisis_fields(turn.crisis_reply, event))
    elif event is not None:
        answer["safety_event_id"] = event.event_id
    return answer


def list_conversations(patient: Principal) -> dict:
    return {"conversations": [_summary(c) for c in store.list_conversations(patient.user_id)]}


def read_conversation(patient: Principal, conversation_id: str) -> dict:
    conversation = store.load_conversation(patient.user_id, conversation_id)
    messages = [{"sender": m.sender, "text": m.text, "created_at": m.created_at, "crisis": m.crisis}
                for m in store.read_messages(conversation)]
    return {**_summary(conversation), "messages": messages}


def delete_conversation(patient: Principal, conversation_id: str) -> None:
    store.delete_conversation(store.load_conversation(patient.user_id, conversation_id))


def _summary(conversation) -> dict:
    state = conversation.state or {}
    return {"conversation_id": conversation.conversation_id, "title": conversation.title,
            "created_at": conversation.created_at, "updated_at": conversation.updated_at,
            "risk_check_open": bool((state.get("risk") or {}).get("open")),
            "technique": (state.get("technique") or {}).get("id")}
