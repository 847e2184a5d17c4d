"""Safety events as stored and shown: recorded when the check fires, listed for the therapist.

Only what the check concluded is kept (type, source, category, the ids of the conversation
turn, entry or questionnaire), never the words the patient wrote: the therapist reads
those, if at all, with the patient, not on a dashboard.
"""
from __future__ import annotations

from pynamodb.exceptions import DoesNotExist

from emotecare.clock import iso, utc_now
from emotecare.db.wellbeing import SafetyEvent
from emotecare.errors import NotFoundError
from emotecare.escalation.care_team import PatientContext
from emotecare.escalation.policy import NONE, escalation_for, is_urgent
from emotecare.escalation.urgent import mail_urgent_alert
from emotecare.log import get_logger
from emotecare.timeids import is_time_id, new_time_id

logger = get_logger("escalation")

# Kept for the dashboard; "risk_resolved" (safety confirmed twice) is logged, not listed.
# A flag whose level asks for no alert but counts in the weekly report (policy: distress).
DISTRESS_NOTED = "distress_noted"
# `distress_noted` comes from the chat as its own type; a `crisis_flagged` event graded
# `distress` is stored as one too: either way the level's policy decides.
RECORDED_TYPES = ("crisis_flagged", "risk_retracted", DISTRESS_NOTED)
# The ids a domain event may carry into the record; anything else (evidence) is left out.
_CONTEXT_KEYS = ("conversation_id", "turn", "entry_id", "mood", "instrument", "total", "item9",
                 "response_id", "message_id")
DASHBOARD_LIMIT = 200
# Rows stored before levels existed were all flagged as crises: shown as the policy's default.
LEGACY_LEVEL = "active_ideation"
_RETRACTABLE_LOOKBACK = 50  # the patient's latest events searched for the alert a retraction takes back


def record_safety_event(patient: PatientContext, event: dict, **context) -> SafetyEvent | None:
    """Store a domain safety event (from `build_safety_event`) as its level's policy says.

    Returns the stored alert (listed for the patient's therapist), or None when the event
    raises no alert: an ungraded type, level `none`, or `distress` (kept off the dashboard,
    counted in the weekly report). A retraction is linked to the alert it takes back.
    """
    kind = event.get("type")
    if kind not in RECORDED_TYPES:
        logger.info("safety event not recorded", extra={"type": kind})
        return None
    kept = {k: v for k, v in {**event, **context}.items() if k in _CONTEXT_KEYS and v is not None}
    if kind == "risk_retracted":
        return _record_retraction(patient, event, kept)
    escalation = escalation_for(event.get("level"))
    if not escalation.alerts:
        if escalation.report_distress:
            _save(patient, event, kept, escalation.level, kind=DISTRESS_NOTED, therapist_id=None)
        return None
    row = _save(patient, event, kept, escalation.level)
    if escalation.mail_at_once:
        mail_urgent_alert(row, patient)
    return row


def _record_retraction(patient: PatientContext, event: dict, kept: dict) -> SafetyEvent:
    retracted = _find_retracted(patient.patient_id, event.get("retracts"), kept.get("conversation_id"))
    row = _save(patient, event, kept, NONE, retracts=retracted.event_id if retracted else None)
    if retracted is not None:
        retracted.update(actions=[SafetyEvent.retraction_id.set(row.event_id),
                                  SafetyEvent.retracted_at.set(row.occurred_at)])
    return row


def _find_retracted(patient_id: str, event_id: str | None, conversation_id: str | None) -> SafetyEvent | None:
    """The alert a retraction takes back: the one named, else the latest flag of the same
    conversation (a retraction in chat follows its flag within the conversation's risk check)."""
    for row in SafetyEvent.query(patient_id, scan_index_forward=False, limit=_RETRACTABLE_LOOKBACK):
        if row.type != "crisis_flagged":
            continue
        if event_id and row.event_id == event_id:
            return row
        if not event_id and conversation_id and (row.context or {}).get("conversation_id") == conversation_id:
            return row
    return None


def _save(patient: PatientContext, event: dict, kept: dict, level: str | None, *, kind: str | None = None,
          therapist_id: str | None | object = ..., retracts: str | None = None) -> SafetyEvent:
    now = utc_now()
    event_id = new_time_id(now)
    row = SafetyEvent(patient.patient_id, event_id, event_id=event_id, occurred_at=iso(now),
                      type=kind or event["type"], source=event["source"], category=event.get("category"),
                      categories=list(event.get("categories") or []), level=level, retracts=retracts,
                      needs_review=bool(event.get("needs_review", True)), context=kept,
                      therapist_id=patient.therapist_id if therapist_id is ... else therapist_id)
    row.save()
    logger.info("safety event recorded", extra={"event_id": event_id, "type": row.type, "level": level,
                                                "source": row.source, "category": row.category,
                                                "has_therapist": bool(row.therapist_id)})
    return row


def load_own_event(patient_id: str, event_id: str) -> SafetyEvent:
    """The patient's own event; anyone else's (or an unknown id) is not found."""
    if not is_time_id(event_id):
        raise NotFoundError("no such safety event")
    try:
        return SafetyEvent.get(patient_id, event_id)
    except DoesNotExist as exc:
        raise NotFoundError("no such safety event") from exc


def list_for_therapist(therapist_id: str, since: str | None = None) -> list[SafetyEvent]:
    """Events of the therapist's patients, newest first (the `by-therapist` index)."""
    condition = SafetyEvent.occurred_at >= since if since else None
    return list(SafetyEvent.by_therapist.query(therapist_id, range_key_condition=condition,
                                               scan_index_forward=False, limit=DASHBOARD_LIMIT))


def event_view(row: SafetyEvent, patient_name: str | None = None) -> dict:
    """The event as the API shows it (no message text exists to show)."""
    view = {"event_id": row.event_id, "patient_id": row.patient_id, "occurred_at": row.occurred_at,
            "type": row.type, "source": row.source, "category": row.category,
            "level": row.level or (LEGACY_LEVEL if row.type == "crisis_flagged" else NONE), "urgent": is_urgent(row.level),
            "categories": list(row.categories or []), "needs_review": row.needs_review,
            "context": dict(row.context or {}), "therapist_alerted": row.therapist_alerted,
            "alerted_at": row.alerted_at, "urgent_mail_at": row.urgent_mail_at,
            "acknowledged_by": row.acknowledged_by, "acknowledged_at": row.acknowledged_at,
            "retracts": row.retracts,
            "retraction": ({"event_id": row.retraction_id, "occurred_at": row.retracted_at}
                           if row.retraction_id else None),
            "not_a_crisis": ({"by": row.not_crisis_by, "at": row.not_crisis_at, "note": row.not_crisis_note or ""}
                             if row.not_crisis_at else None)}
    if patient_name is not None:
        view["patient_name"] = patient_name
    return view


def therapist_dashboard(therapist_id: str, query: dict) -> dict:
    """`GET /safety-events?since=`: the therapist's patients' events, with the patients' names."""
    from emotecare.db.models import User
    from emotecare.fields import Fields

    since = Fields(query, ("since",)).instant("since", default=None)
    rows = list_for_therapist(therapist_id, iso(since) if since else None)
    ids = list({row.patient_id for row in rows})
    names = {u.user_id: u.name for u in User.batch_get(ids, attributes_to_get=["user_id", "name"])} if ids else {}
    return {"events": [event_view(row, names.get(row.patient_id, "")) for row in rows]}
