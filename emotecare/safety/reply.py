"""The words said when the safety check fires, and during the check-in that follows.

The words follow the level (`levels.py`, docs/safety-levels.md):
- distress: supportive words and where support is, added to the ordinary reply; no crisis box;
- a crisis (passive ideation and above): plain, warm and immediate: say we are worried, give the
  numbers for their country first, offer to alert their therapist, ask one direct question;
  for a method, intent or plan, or behaviour or danger now, the emergency number comes first
  and the person is asked to put the means out of reach. No techniques, no cheerfulness.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from emotecare.safety import fragments
from emotecare.safety.conversation import ASK_IDEATION, ASK_REACH_OUT, ASK_SAFE_NOW
from emotecare.safety.helplines import Helpline, find_emergency_number, list_helplines
from emotecare.safety.levels import BEHAVIOUR_OR_DANGER, METHOD_INTENT_PLAN, PASSIVE_IDEATION

_OPENERS = {
    fragments.SUICIDAL_IDEATION: "I'm really glad you told me, and I'm worried about your safety right now.",
    fragments.SELF_HARM: "Thank you for telling me. You deserve care, not pain, and I want to help you stay safe.",
    fragments.HARM_TO_OTHERS: "Thank you for being honest with me. It sounds like things feel out of control, "
                            "and it matters that everyone, you included, stays safe.",
    fragments.ABUSE: "I'm so sorry this is happening. It is not your fault, and you deserve to be safe.",
    fragments.MEDICAL_EMERGENCY: "This sounds like a medical emergency.",
}
_PASSIVE_OPENER = ("Thank you for telling me. It sounds like things feel really heavy right now, "
                   "and I want to make sure you have support.")
_URGENT_LEVELS = (METHOD_INTENT_PLAN, BEHAVIOUR_OR_DANGER)
_QUESTIONS = {
    ASK_IDEATION: "Sometimes when people feel this way, they have thoughts of ending their life. "
                  "Are you having thoughts like that?",
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


def build_crisis_reply(category: str | None, country: str | None, therapist_name: str | None = None,
                       level: str | None = None) -> CrisisReply:
    """Build the immediate crisis reply for `category` at `level`, with the lines for `country`."""
    helplines = tuple(list_helplines(country, category))
    emergency = find_emergency_number(country)
    opener = _OPENERS.get(category, _OPENERS[fragments.SUICIDAL_IDEATION])
    if level == PASSIVE_IDEATION and category in (None, fragments.SUICIDAL_IDEATION):
        opener = _PASSIVE_OPENER
    parts = [opener]
    if category == fragments.MEDICAL_EMERGENCY:
        parts.append(f"Please call {emergency} now, or ask someone near you to call for you.")
    elif level in _URGENT_LEVELS:
        parts.append(f"Your safety comes first: please call {emergency} now, or ask someone near you to call.")
        if category in (None, fragments.SUICIDAL_IDEATION, fragments.SELF_HARM):
            parts.append("If there is anything nearby you could use to hurt yourself, please put it somewhere "
                         "out of reach or give it to someone, and stay with someone if you can.")
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


def build_retracted_reply() -> str:
    """Return the reply when the person says they are safe and the flag was a misunderstanding."""
    return ("Thank you for telling me, and I'm sorry I misread you. I'm glad you're safe. I ask because I'd "
            "rather check than miss something. What would you like to talk about?")


def build_distress_support(country: str | None, ask_ideation: bool = False) -> str:
    """Return the supportive words added to the ordinary reply for a distress message (no crisis box)."""
    line = list_helplines(country)[0]
    words = ("You don't have to carry this on your own: your therapist is there for you, and if it ever "
             f"feels like too much, you can talk to someone any time ({_describe_line(line)}).")
    if ask_ideation:
        words += " " + _QUESTIONS[ASK_IDEATION]
    return words


def build_resolved_reply() -> str:
    """Return the message that closes a risk check after the person has confirmed they are safe."""
    return ("Thank you for checking in with me. I'm glad you're safe. If things get hard again, "
            "the crisis lines are always on the Resources page, and your therapist is there for you. "
            "Would you like to try something calming together, or just talk?")


def _describe_line(line: Helpline) -> str:
    how = line.how_to_reach()
    site = f" ({line.url})" if line.url and line.url not in how else ""
    return f"{line.name}: {how}{site}"
