"""The words said when the safety check fires, and during the check-in that follows.

Plain, warm and immediate: say we are worried, give the numbers for their country first,
say the emergency number when danger is physical, offer to alert their therapist, and ask
one direct question. No techniques, no resource lists, no cheerfulness.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from emotecare.safety import fragments
from emotecare.safety.conversation import ASK_REACH_OUT, ASK_SAFE_NOW
from emotecare.safety.helplines import Helpline, find_emergency_number, list_helplines

_OPENERS = {
    fragments.SUICIDAL_IDEATION: "I'm really glad you told me, and I'm worried about your safety right now.",
    fragments.SELF_HARM: "Thank you for telling me. You deserve care, not pain, and I want to help you stay safe.",
    fragments.HARM_TO_OTHERS: "Thank you for being honest with me. It sounds like things feel out of control, "
                            "and it matters that everyone, you included, stays safe.",
    fragments.ABUSE: "I'm so sorry this is happening. It is not your fault, and you deserve to be safe.",
    fragments.MEDICAL_EMERGENCY: "This sounds like a medical emergency.",
}
_QUESTIONS = {
    ASK_SAFE_NOW: "Are you safe right now?",
    ASK_REACH_OUT: "Thank you. If these feelings come back or get stronger, will you call one of the lines "
                   "above or someone you trust?",
}


@dataclass(frozen=True)
class CrisisReply:
    """The crisis message and what it offers, ready for the chat or journal response."""

    text: str
    category: str | None
    helplines: tuple[Helpline, ...]
    emergency_number: str
    offer_therapist_alert: bool = True
    actions: tuple[str, ...] = field(default=("alert_therapist", "call_helpline"))

    def to_dict(self) -> dict:
        """Return the JSON-ready form."""
        return {"text": self.text, "category": self.category, "emergency_number": self.emergency_number,
                "helplines": [h.to_dict() for h in self.helplines],
                "offer_therapist_alert": self.offer_therapist_alert, "actions": list(self.actions)}


def build_crisis_reply(category: str | None, country: str | None, therapist_name: str | None = None) -> CrisisReply:
    """Build the immediate crisis reply for `category`, with the lines for `country`."""
    helplines = tuple(list_helplines(country, category))
    emergency = find_emergency_number(country)
    parts = [_OPENERS.get(category, _OPENERS[fragments.SUICIDAL_IDEATION])]
    if category == fragments.MEDICAL_EMERGENCY:
        parts.append(f"Please call {emergency} now, or ask someone near you to call for you.")
    else:
        parts.append(f"If you are in immediate danger, please call {emergency}.")
    parts.append("You can talk to someone right now, for free:")
    parts.extend(f"- {_describe_line(h)}" for h in helplines)
    who = therapist_name or "your therapist"
    parts.append(f"Would you like me to let {who} know, so they can reach out to you?")
    parts.append("I'm an AI, so I can't call anyone for you, but I'm here while you reach out. "
                 + _QUESTIONS[ASK_SAFE_NOW])
    return CrisisReply(text="\n".join(parts), category=category, helplines=helplines, emergency_number=emergency)


def build_check_in_reply(stage: str | None, country: str | None, retraction: bool = False) -> str:
    """Return the follow-up question while a risk check is still open."""
    question = _QUESTIONS.get(stage or ASK_SAFE_NOW, _QUESTIONS[ASK_SAFE_NOW])
    lines = list_helplines(country)
    reminder = f"The lines are still here for you: {_describe_line(lines[0])}."
    if retraction:
        return ("Thanks for telling me. I'd rather check and be wrong than not ask, so I'll ask "
                f"directly: {_QUESTIONS[ASK_SAFE_NOW]} {reminder}")
    return f"{question} {reminder}"


def build_resolved_reply() -> str:
    """Return the message that closes a risk check after the person has confirmed they are safe."""
    return ("Thank you for checking in with me. I'm glad you're safe. If things get hard again, "
            "the crisis lines are always on the Resources page, and your therapist is there for you. "
            "Would you like to try something calming together, or just talk?")


def _describe_line(line: Helpline) -> str:
    how = line.how_to_reach()
    site = f" ({line.url})" if line.url and line.url not in how else ""
    return f"{line.name}: {how}{site}"
