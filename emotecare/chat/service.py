"""One chat turn, start to finish: safety first, then technique, then the reply backend.

Order matters and is the point of this module:
1. the risk check runs on every message, whichever backend is configured; a crisis gets
   the crisis reply and a safety event, and no backend is called at all;
2. while a risk check is open, the conversation stays on checking in;
3. a technique in progress is stepped through (the state remembers where we are);
4. only then does the backend (local or Bedrock) reply.
The conversation state is a plain JSON-ready dict, passed in and returned each turn.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import datetime

from emotecare.chat import conversation_state as states
from emotecare.chat.backend import BackendRequest, ChatBackend, ChatBackendError
from emotecare.chat.local import LocalBackend
from emotecare.chat.techniques import (advance_technique, detect_technique_request, get_technique,
                                       is_stop_request, start_technique)
from emotecare.library import find_resources_for_topics, get_resource, load_resources
from emotecare.safety import (CRISIS_FLAGGED, RISK_RESOLVED, RISK_RETRACTED, CrisisReply, RiskConversation,
                              build_check_in_reply, build_crisis_reply, build_resolved_reply, build_safety_event)
from emotecare.safety.normalise import normalise_text
from emotecare.errors import ValidationError

logger = logging.getLogger(__name__)

DISCLOSURE = ("Just so you know: I'm an AI assistant, not a therapist or a person. I can listen, help you "
              "check in with your mood and guide you through some self-help exercises, but I can't give "
              "medical advice. If you're ever in danger, I'll point you straight to people who can help.")
MAX_MESSAGE_CHARS = 5000
_YES = re.compile(r"^(?:yes|yeah|yep|yup|sure|ok|okay|alright|please|go on|let us|lets|why not|i would like|"
                  r"that would help|sounds good|ya|y)\b")
_BOOKING_AFTER_DISTRESS_TURNS = 3


@dataclass(frozen=True)
class ChatTurn:
    """Everything the API returns and records for one turn."""

    reply: str
    state: dict
    crisis: bool = False
    crisis_reply: CrisisReply | None = None
    safety_event: dict | None = None
    suggestions: tuple[dict, ...] = ()
    offer_booking: bool = False
    technique: str | None = None
    mood_checkin: dict | None = None
    backend: str | None = None
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """Return the JSON-ready form for the API response (state included)."""
        return {"reply": self.reply, "state": self.state, "crisis": self.crisis,
                "crisis_reply": self.crisis_reply.to_dict() if self.crisis_reply else None,
                "safety_event": self.safety_event, "suggestions": list(self.suggestions),
                "offer_booking": self.offer_booking, "technique": self.technique,
                "mood_checkin": self.mood_checkin, "backend": self.backend}


class ChatService:
    """Runs chat turns against a backend, with the safety check always in front of it."""

    def __init__(self, backend: ChatBackend | None = None, fallback: ChatBackend | None = None):
        self.backend = backend or LocalBackend()
        # If Bedrock fails, the patient still gets a reply from the local backend.
        self.fallback = fallback if fallback is not None else LocalBackend()

    def start_conversation(self, state: dict | None = None) -> ChatTurn:
        """Open a conversation: the AI disclosure, then a mood check-in."""
        state = states.load_state(state)
        first = start_technique("mood_checkin")
        state.update(disclosed=True, technique=first.state, offered=None)
        reply = f"Hi. {DISCLOSURE}\n{first.reply}"
        states.append_history(state, "assistant", reply)
        return ChatTurn(reply=reply, state=state, technique="mood_checkin")

    def handle_message(self, state: dict | None, text: str, country: str | None = None,
                       therapist_name: str | None = None, now: datetime | None = None) -> ChatTurn:
        """Answer one patient message and return the reply, the new state and any safety event."""
        text = _validate_text(text)
        state = states.load_state(state)
        state["turn"] += 1
        risk = RiskConversation(state["risk"])
        assessment = risk.assess(text)
        state["risk"] = risk.to_dict()
        context = {"turn": state["turn"]}
        if assessment.reply_kind == "crisis":
            crisis = build_crisis_reply(assessment.result.category, country, therapist_name)
            state.update(technique=None, offered=None, disclosed=True)  # the crisis reply says it is an AI
            event = build_safety_event(CRISIS_FLAGGED, "chat", assessment.result, now, **context)
            return self._finish(state, text, ChatTurn(reply=crisis.text, state=state, crisis=True,
                                                      crisis_reply=crisis, safety_event=event))
        if assessment.reply_kind == "check_in":
            reply = build_check_in_reply(assessment.check_in_stage, country, assessment.retraction)
            event = build_safety_event(RISK_RETRACTED, "chat", None, now, **context) if assessment.retraction else None
            return self._finish(state, text, ChatTurn(reply=self._disclose(state, reply), state=state,
                                                      safety_event=event))
        if assessment.reply_kind == "resolved":
            event = build_safety_event(RISK_RESOLVED, "chat", None, now, **context)
            return self._finish(state, text, ChatTurn(reply=build_resolved_reply(), state=state, safety_event=event))
        return self._finish(state, text, self._reply_calmly(state, text))

    def _reply_calmly(self, state: dict, text: str) -> ChatTurn:
        normal = normalise_text(text)
        in_progress = state.get("technique")
        if in_progress:
            if is_stop_request(normal):
                state["technique"] = None
                return self._turn(state, "Of course, we can stop there. What would you like to do instead?")
            return self._step_technique(state, text)
        requested = detect_technique_request(normal)
        if requested is None and state.get("offered") and _YES.search(normal):
            requested = state["offered"]
        if requested:
            started = start_technique(requested)
            state.update(technique=started.state, offered=None)
            return self._turn(state, started.reply, technique=requested)
        return self._ask_backend(state, text)

    def _step_technique(self, state: dict, text: str) -> ChatTurn:
        technique_id = state["technique"]["id"]
        step = advance_technique(state["technique"], text)
        state["technique"] = step.state
        if not step.finished:
            return self._turn(state, step.reply, technique=technique_id)
        state.setdefault("completed_techniques", []).append(technique_id)
        if technique_id == "mood_checkin":
            return self._close_mood_checkin(state, step.answers)
        resources = [get_resource(load_resources(), rid) for rid in get_technique(technique_id)["resource_ids"]]
        return self._turn(state, step.reply, suggestions=tuple(_describe(r) for r in resources),
                          extra={"technique_finished": technique_id, "answers": step.answers})

    def _close_mood_checkin(self, state: dict, answers: dict) -> ChatTurn:
        mood = answers["mood"]
        checkin = {"mood": mood, "words": answers.get("word", ""), "turn": state["turn"]}
        state["mood_checkins"] = (state.get("mood_checkins", []) + [checkin])[-10:]
        if mood <= 3:
            state["offered"] = "grounding"
            reply = ("Thank you for telling me. That sounds like a really hard day. Would you like to try a short "
                     "grounding exercise together? And if you'd like more support, you could book a session "
                     "with your therapist.")
            return self._turn(state, reply, offer_booking=True, mood_checkin=checkin)
        if mood <= 6:
            reply = "Thanks for checking in. Is there something on your mind you'd like to talk through?"
        else:
            reply = "That's good to hear. What's been helping? It's worth noticing the good moments too."
        return self._turn(state, reply, mood_checkin=checkin)

    def _ask_backend(self, state: dict, text: str) -> ChatTurn:
        request = BackendRequest(text=text, history=tuple(state["history"]), turn=state["turn"])
        try:
            answer = self.backend.generate(request)
        except ChatBackendError:
            logger.warning("chat backend failed, using the local fallback", extra={"backend": self.backend.name})
            answer = self.fallback.generate(request)
        state["offered"] = answer.offer_technique
        if answer.topics:
            state["distress_turns"] = state.get("distress_turns", 0) + 1
        booking = answer.offer_booking or state.get("distress_turns", 0) >= _BOOKING_AFTER_DISTRESS_TURNS
        reply = answer.text
        if booking and not answer.offer_booking and not state.get("booking_offered"):
            reply += (" We've talked about a few hard things today. Your therapist could help with this; "
                      "would you like to book a session?")
        state["booking_offered"] = state.get("booking_offered") or booking
        suggestions = tuple(_describe(r) for r in find_resources_for_topics(list(answer.topics)))
        return self._turn(state, reply, suggestions=suggestions, offer_booking=booking,
                          backend=answer.source)

    def _turn(self, state: dict, reply: str, **fields) -> ChatTurn:
        return ChatTurn(reply=self._disclose(state, reply), state=state, **fields)

    @staticmethod
    def _disclose(state: dict, reply: str) -> str:
        """Prefix the AI disclosure to the first reply of a conversation."""
        if state.get("disclosed"):
            return reply
        state["disclosed"] = True
        return f"{DISCLOSURE}\n{reply}"

    @staticmethod
    def _finish(state: dict, text: str, turn: ChatTurn) -> ChatTurn:
        states.append_history(state, "user", text)
        states.append_history(state, "assistant", turn.reply)
        return turn


def _validate_text(text) -> str:
    if not isinstance(text, str) or not text.strip():
        raise ValidationError("text: a message cannot be empty", field="text")
    if len(text) > MAX_MESSAGE_CHARS:
        raise ValidationError(f"Your message is {len(text):,} characters long; a message holds at most "
                              f"{MAX_MESSAGE_CHARS:,}. Send it in shorter parts.", field="text")
    return text


def _describe(resource) -> dict:
    return {"id": resource.id, "title": resource.title, "type": resource.type, "topic": resource.topic,
            "source_url": resource.source_url}
