"""What each graded risk level sets in motion: the one place the escalation policy lives.

The levels are modelled on the Columbia (C-SSRS) screener and are fixed identifiers shared with
the safety check (`SafetyResult.level`), the stored safety event and the API:

| level                | therapist alert | mail to the therapist          | weekly report          |
|----------------------|-----------------|--------------------------------|------------------------|
| `none`               | no              | no                             | –                      |
| `distress`           | no              | no                             | counted ("distress")   |
| `passive_ideation`   | routine         | when the patient asks          | counted (alerts)       |
| `active_ideation`    | urgent          | at once, marked urgent         | counted (alerts)       |
| `method_intent_plan` | urgent          | at once, marked urgent         | counted (alerts)       |
| `behaviour_or_danger`| urgent          | at once, marked urgent         | counted (alerts)       |

An urgent alert is mailed without waiting for the patient to ask: with active thoughts or worse
the therapist must know even if the patient does not press "Tell my therapist" (the mail
still carries no words, only that there is an urgent alert and where to reach the patient).
"""
from __future__ import annotations

from dataclasses import dataclass

# The levels are the classifier's (one definition); this module decides what each one raises.
from emotecare.safety.levels import (  # LEVELS re-exported: the policy covers every level
    ACTIVE_IDEATION, BEHAVIOUR_OR_DANGER, DISTRESS, LEVELS, METHOD_INTENT_PLAN, NONE, PASSIVE_IDEATION)  # noqa: F401

ROUTINE = "routine"
URGENT = "urgent"


@dataclass(frozen=True)
class Escalation:
    """What one level sets in motion."""

    level: str
    alert: str | None  # None (no alert), ROUTINE or URGENT
    mail_at_once: bool  # mail the therapist without waiting for the patient to ask
    report_distress: bool  # counted in the weekly report's "distress" line instead of alerting

    @property
    def alerts(self) -> bool:
        return self.alert is not None

    @property
    def urgent(self) -> bool:
        return self.alert == URGENT


_POLICY = {
    NONE: Escalation(NONE, None, mail_at_once=False, report_distress=False),
    DISTRESS: Escalation(DISTRESS, None, mail_at_once=False, report_distress=True),
    PASSIVE_IDEATION: Escalation(PASSIVE_IDEATION, ROUTINE, mail_at_once=False, report_distress=False),
    ACTIVE_IDEATION: Escalation(ACTIVE_IDEATION, URGENT, mail_at_once=True, report_distress=False),
    METHOD_INTENT_PLAN: Escalation(METHOD_INTENT_PLAN, URGENT, mail_at_once=True, report_distress=False),
    BEHAVIOUR_OR_DANGER: Escalation(BEHAVIOUR_OR_DANGER, URGENT, mail_at_once=True, report_distress=False),
}


def escalation_for(level: str | None) -> Escalation:
    """The policy for `level`; an unknown or missing level of a flagged event is treated as
    active ideation (a crisis the check could not grade is not played down)."""
    return _POLICY.get(level or "", _POLICY[ACTIVE_IDEATION])


def is_urgent(level: str | None) -> bool:
    return escalation_for(level).urgent
