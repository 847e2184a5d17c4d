"""Safety events: the record a therapist sees on their dashboard when the check fires.

Built here, stored by the API layer. The same shape serves chat messages, journal entries
and PHQ-9 item 9, so the dashboard and the therapist alert read one kind of record.
Every event carries `level` (`levels.LEVELS`); which levels alert the therapist, and how
urgently, is decided where events are stored (`emotecare/escalation`), as docs/safety-levels.md says.
"""
from __future__ import annotations

from datetime import datetime

from emotecare.clock import iso, utc_now
from emotecare.safety.levels import LEVELS, NONE
from emotecare.safety.rules import SafetyResult

CRISIS_FLAGGED = "crisis_flagged"
RISK_RETRACTED = "risk_retracted"  # "I'm safe, you misunderstood" after a flag: the therapist should still know
RISK_RESOLVED = "risk_resolved"    # the patient confirmed safety over follow-up turns
DISTRESS_NOTED = "distress_noted"  # distress without risk: counted for the weekly report, never an alert
SOURCES = ("chat", "journal", "questionnaire", "message")  # message: to their therapist (#18)


def build_safety_event(kind: str, source: str, result: SafetyResult | None = None,
                       now: datetime | None = None, *, level: str | None = None, retracts: str | None = None,
                       **context) -> dict:
    """Return a JSON-ready safety event; `context` adds ids such as conversation_id or turn.

    `level` defaults to the result's level; for a retraction it is the level of the flag taken
    back, and `retracts` is that flag's stored event id (None when it was never stored).
    """
    if source not in SOURCES:
        raise ValueError(f"unknown safety event source {source!r}")
    level = level or (result.level if result else NONE)
    if level not in LEVELS:
        raise ValueError(f"unknown safety level {level!r}")
    event = {
        "type": kind,
        "source": source,
        "level": level,
        "category": result.category if result else None,
        "categories": list(result.categories) if result else [],
        "evidence": list(result.evidence) if result else [],
        "occurred_at": iso(now or utc_now()),
        "needs_review": kind in (CRISIS_FLAGGED, RISK_RETRACTED),
        **context,
    }
    if kind == RISK_RETRACTED:
        event["retracts"] = retracts
    return event
