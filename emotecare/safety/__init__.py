"""Safety check run on every chat message and journal entry before any reply.

Public interface for the API layer:
- `check_message(text) -> SafetyResult`: one message, no context; `level` is the graded risk
  (`LEVELS`: none, distress, passive_ideation, active_ideation, method_intent_plan, behaviour_or_danger).
- `RiskConversation(state).assess(text) -> RiskAssessment`: with the conversation's open risk
  check; save `to_dict()` with the conversation.
- `build_crisis_reply(category, country)`, `build_check_in_reply(...)`: the words to send.
- `list_helplines(country, category)`, `list_countries()`: crisis lines.
- `build_safety_event(kind, source, result)`: the record the therapist dashboard shows.
"""
from emotecare.safety.check import check_message
from emotecare.safety.rules import NO_RISK, SafetyResult
from emotecare.safety.conversation import RiskAssessment, RiskConversation
from emotecare.safety.events import CRISIS_FLAGGED, DISTRESS_NOTED, RISK_RESOLVED, RISK_RETRACTED, build_safety_event
from emotecare.safety.levels import CRISIS_LEVELS, LEVELS
from emotecare.safety.helplines import (INTERNATIONAL_DIRECTORY, CountryLines, Helpline, find_country_lines,
                                        find_emergency_number, list_countries, list_helplines)
from emotecare.safety.fragments import CATEGORY_PRIORITY
from emotecare.safety.reply import (CrisisReply, build_check_in_reply, build_crisis_reply, build_distress_support,
                                   build_resolved_reply, build_retracted_reply)

__all__ = [
    "CATEGORY_PRIORITY", "CRISIS_FLAGGED", "CRISIS_LEVELS", "DISTRESS_NOTED", "LEVELS", "RISK_RESOLVED", "RISK_RETRACTED", "build_safety_event", "INTERNATIONAL_DIRECTORY", "NO_RISK", "CountryLines", "CrisisReply", "Helpline",
    "RiskAssessment", "RiskConversation", "SafetyResult", "build_check_in_reply", "build_crisis_reply",
    "build_distress_support", "build_resolved_reply", "build_retracted_reply", "check_message", "find_country_lines", "find_emergency_number", "list_countries",
    "list_helplines",
]
