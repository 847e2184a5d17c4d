"""PHQ-9 item 9 starts the same crisis flow as a chat message: reply, helplines, event."""
from __future__ import annotations

from datetime import datetime

from emotecare.questionnaires.scoring import QuestionnaireResult
from emotecare.safety import CRISIS_FLAGGED, SafetyResult, build_crisis_reply, build_safety_event
from emotecare.safety.fragments import SUICIDAL_IDEATION


def build_item9_crisis(result: QuestionnaireResult, country: str | None = None, therapist_name: str | None = None,
                       now: datetime | None = None):
    """Return (crisis_reply, safety_event) for a flagged submission, or (None, None) otherwise."""
    if not result.crisis:
        return None, None
    flagged = SafetyResult(crisis=True, category=SUICIDAL_IDEATION, evidence=(result.crisis_reason,),
                           categories=(SUICIDAL_IDEATION,))
    # Item 9 asks about "thoughts that you would be better off dead": on the C-SSRS scale a
    # passive wish, so a routine alert (emotecare/escalation/policy.py), not an urgent one.
    event = build_safety_event(CRISIS_FLAGGED, "questionnaire", flagged, now, instrument=result.instrument,
                               total=result.total, item9=result.answers[8], level="passive_ideation")
    return build_crisis_reply(SUICIDAL_IDEATION, country, therapist_name), event
