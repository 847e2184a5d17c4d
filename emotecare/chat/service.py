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
from dataclasses import dataclass, field, replace
from datetime import datetime

from emotecare.chat import conversation_state as states
from emotecare.chat.backend import BackendRequest, ChatBackend, ChatBackendError
from emotecare.chat.local import LocalBackend
from emotecare.chat.reply_intent import ACCEPT, DECLINE, OTHER, classify_reply
from emotecare.chat.techniques import (advance_technique, answers_step, detect_technique_request, expects_number,
                                       get_technique, is_stop_request, mentions_number, start_technique)
from emotecare.library import find_resources_for_topics, get_resource, load_resources
from emotecare.safety import (CRISIS_FLAGGED, DISTRESS_NOTED, RISK_RESOLVED, RISK_RETRACTED, CrisisReply,
                              RiskConversation, build_check_in_reply, build_crisis_reply, build_distress_support,
                              build_resolved_reply, build_retracted_reply, build_safety_event)
from emotecare.safety.normalise import normalise_text
from emotecare.errors import ValidationError

logger = logging.getLogger(__name__)

DISCLOSURE = ("Just so you know: I'm an AI assistant, not a therapist or a person. I can listen, help you "
              "check in with your mood and guide you through some self-help exercises, but I can't give "
              "medical advice. If you're ever in danger, I'll point you straight to people who can help.")
MAX_MESSAGE_CHARS = 5000
_BOOKING_AFTER_DISTRESS_TURNS = 3
_REFUSAL_WORDS = {"no", "not", "nah", "nope", "skip", "rather", "dont", "without"}


@dataclass(frozen=True)
class ChatTurn:
    """Everything the API returns and records for one turn."""

    reply: str
    state: dict
    crisis: bool = False
    level: str = "none"  # the graded risk level (emotecare/safety/levels.py)
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
        return {"reply": self.reply, "state": self.state, "crisis": self.crisis, "level": self.level,
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
        assessment = risk.assess(text, answering_exercise=bool(state.get("technique")))
        state["risk"] = risk.to_dict()
        context = {"turn": state["turn"]}
        level = assessment.level
        if assessment.reply_kind == "crisis":
            crisis = build_crisis_reply(assessment.result.category, country, therapist_name, level=level)
            state.update(technique=None, offered=None, disclosed=True)  # the crisis reply says it is an AI
            event = build_safety_event(CRISIS_FLAGGED, "chat", assessment.result, now, **context)
            return self._finish(state, text, ChatTurn(reply=crisis.text, state=state, crisis=True, level=level,
                                                      crisis_reply=crisis, safety_event=event))
        retraction = (build_safety_event(RISK_RETRACTED, "chat", None, now, level=assessment.retracted_level,
                                         retracts=state["risk"].get("flag_event_id"), **context)
                      if assessment.retraction else None)
        if assessment.reply_kind == "retracted":
            return self._finish(state, text, ChatTurn(reply=self._disclose(state, build_retracted_reply()), state=state,
                                                      safety_event=retraction))
        if assessment.reply_kind == "check_in":
            reply = build_check_in_reply(assessment.check_in_stage, country, assessment.retraction)
            return self._finish(state, text, ChatTurn(reply=self._disclose(state, reply), state=state,
                                                      safety_event=retraction))
        if assessment.reply_kind == "resolved":
            event = build_safety_event(RISK_RESOLVED, "chat", None, now, **context)
            return self._finish(state, text, ChatTurn(reply=build_resolved_reply(), state=state, safety_event=event))
        turn = self._reply_calmly(state, text)
        if assessment.reply_kind == "distress":
            support = build_distress_support(country, ask_ideation=assessment.ask_ideation)
            event = build_safety_event(DISTRESS_NOTED, "chat", assessment.result, now, **context)
            turn = replace(turn, reply=f"{turn.reply} {support}", level=level, safety_event=event)
        return self._finish(state, text, turn)

    def _reply_calmly(self, state: dict, text: str) -> ChatTurn:
        """Reply to a message with no risk in it: step, leave or start a technique, or ask the backend.

        What a reply means (take up the offer, say no, or talk about something else) is read by the
        learnt reply-intent model, so "No thanks, I don't want a check-in" is a no even though it
        names the check-in, and an off-script answer leaves the exercise instead of being asked for
        a number again.
        """
        normal = normalise_text(text)
        intent = classify_reply(text).intent
        in_progress = state.get("technique")
        if in_progress:
            name = get_technique(in_progress["id"])["name"]
            unanswered_rating = expects_number(in_progress) and not answers_step(in_progress, text)
            if is_stop_request(normal) or (intent == DECLINE and unanswered_rating):
                state["technique"] = None
                return self._turn(state, f"Of course, we can stop the {name.lower()} there. "
                                         "What would you like to talk about instead?")
            if intent == OTHER and unanswered_rating and not mentions_number(text):  # "about 42" is a try
                state["technique"] = None  # off-script: follow the person, not the script
                turn = self._ask_backend(state, text)
                return replace(turn, reply=f"Let's leave the {name.lower()} for now. {turn.reply}")
            return self._step_technique(state, text)
        requested = detect_technique_request(normal)
        # The model says no; a technique named without a word of refusal is still a request ("I want to plan an activity").
        if intent == DECLINE and (requested is None or _REFUSAL_WORDS & set(normal.split())):
            declined = state.get("offered") or requested
            state["offered"] = None
            if declined:
                return self._turn(state, "That's fine, we don't have to. I'm here if you want to talk about anything.")
            return self._ask_backend(state, text)
        if requested is None and state.get("offered") and intent == ACCEPT:
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
