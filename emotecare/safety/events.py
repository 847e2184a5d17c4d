"""Safety events: the record a therapist sees on their dashboard when the check fires.

Built here, stored by the API layer. The same shape serves chat messages, journal entries
and PHQ-9 item 9, so the dashboard and the therapist alert read one kind of record.
"""
from __future__ import annotations

from datetime import datetime, timezone

from emotecare.safety.rules import SafetyResult

CRISIS_FLAGGED = "crisis_flagged"
RISK_RETRACTED = "risk_retracted"  # "jk" after a flag: the therapist should still know
RISK_RESOLVED = "risk_resolved"    # the patient confirmed safety over follow-up turns
SOURCES = ("chat", "journal", "questionnaire", "message")  # message: to their therapist (#18)


def build_safety_event(kind: str, source: str, result: SafetyResult | None = None,
                       now: datetime | None = None, **context) -> dict:
    """Return a JSON-ready safety event; `context` adds ids such as conversation_id or turn."""
    if source not in SOURCES:
        raise ValueError(f"unknown safety event source {source!r}")
    return {
        "type": kind,
        "source": source,
        "category": result.category if result else None,
        "level": result.level if result else None,
        "categories": list(result.categories) if result else [],
        "evidence": list(result.evidence) if result else [],
        "occurred_at": (now or datetime.now(timezone.utc)).isoformat(),
        "needs_review": kind in (CRISIS_FLAGGED, RISK_RETRACTED),
        **context,
    }
