"""The therapist's verdict "not a crisis" on an alert, kept to evaluate the safety check by.

The alert stays listed (marked, with who and when); the export gives every alert with its
verdict so false alarms can be counted against real therapist judgement (ids and levels only:
no words were ever stored).
"""
from __future__ import annotations

import csv
import io

from pynamodb.exceptions import UpdateError

from emotecare.accounts.tokens import Principal
from emotecare.clock import iso, utc_now
from emotecare.db.wellbeing import SafetyEvent
from emotecare.errors import ConflictError
from emotecare.escalation.acknowledge import find_for_therapist
from emotecare.escalation.events import event_view, list_for_therapist
from emotecare.fields import Fields
from emotecare.log import get_logger

logger = get_logger("escalation")
NOTE_MAX_CHARS = 500
EXPORT_COLUMNS = ("event_id", "patient_id", "occurred_at", "type", "source", "level", "urgent", "category",
                  "retracts", "acknowledged_at", "verdict", "verdict_by", "verdict_at", "verdict_note")


def mark_not_a_crisis(therapist: Principal, event_id: str, body: dict | None) -> dict:
    """`{note?}`: record that this alert was not a crisis; a repeat keeps the first verdict."""
    note = Fields(body or {}, ("note",)).text("note", max_len=NOTE_MAX_CHARS, min_len=0, default="")
    row = find_for_therapist(therapist.user_id, event_id)
    if row.type != "crisis_flagged":
        raise ConflictError("only a crisis alert can be marked as not a crisis")
    if row.not_crisis_at is None:
        actions = [SafetyEvent.not_crisis_by.set(therapist.user_id), SafetyEvent.not_crisis_at.set(iso(utc_now()))]
        if note:
            actions.append(SafetyEvent.not_crisis_note.set(note))
        try:
            row.update(actions=actions, condition=SafetyEvent.not_crisis_at.does_not_exist())
            logger.info("safety alert marked not a crisis", extra={"event_id": event_id, "level": row.level})
        except UpdateError:
            row.refresh(consistent_read=True)  # marked a moment ago (another tab)
    return event_view(row)


def export_csv(therapist: Principal) -> str:
    """Every alert on the therapist's pages with its verdict, as CSV (newest first)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in list_for_therapist(therapist.user_id):
        view = event_view(row)
        verdict = view["not_a_crisis"] or {}
        writer.writerow({**{k: view.get(k) for k in EXPORT_COLUMNS if k in view},
                         "urgent": "yes" if view["urgent"] else "no",
                         "verdict": "not_a_crisis" if verdict else "",
                         "verdict_by": verdict.get("by", ""), "verdict_at": verdict.get("at", ""),
                         "verdict_note": verdict.get("note", "")})
    return out.getvalue()
