"""Safety check run on every chat message and journal entry before any reply.

Public interface for the API layer:
- `check_message(text) -> SafetyResult`: one message, no context.
- `RiskConversation(state).assess(text) -> RiskAssessment`: with the conversation's open risk
  check; save `to_dict()` with the conversation.
- `build_crisis_reply(category, country)`, `build_check_in_reply(...)`: the words to send.
- `list_helplines(country, category)`, `list_countries()`: crisis lines.
- `build_safety_event(kind, source, result)`: the record the therapist dashboard shows.
"""
from emotecare.safety.check import check_message
from emotecare.safety.rules import NO_RISK, SafetyResult
from emotecare.safety.conversation import RiskAssessment, RiskConversation
from emotecare.safety.events import CRISIS_FLAGGED, RISK_RESOLVED, RISK_RETRACTED, build_safety_event
from emotecare.safety.helplines import (INTERNATIONAL_DIRECTORY, CountryLines, Helpline, find_country_lines,
                                        find_emergency_number, list_countries, list_helplines)
from emotecare.safety.fragments import CATEGORY_PRIORITY
from emotecare.safety.reply import CrisisReply, build_check_in_reply, build_crisis_reply, build_resolved_reply

__all__ = [
    "CATEGORY_PRIORITY", "CRISIS_FLAGGED", "RISK_RESOLVED", "RISK_RETRACTED", "build_safety_event", "INTERNATIONAL_DIRECTORY", "NO_RISK", "CountryLines", "CrisisReply", "Helpline",
    "RiskAssessment", "RiskConversation", "SafetyResult", "build_check_in_reply", "build_crisis_reply",
    "build_resolved_reply", "check_message", "find_country_lines", "find_emergency_number", "list_countries",
    "list_helplines",
]
