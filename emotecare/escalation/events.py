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
from emotecare.log import get_logger
from emotecare.timeids import is_time_id, new_time_id

logger = get_logger("escalation")

# Kept for the dashboard; "risk_resolved" (safety confirmed twice) is logged, not listed.
RECORDED_TYPES = ("crisis_flagged", "risk_retracted")
# The ids a domain event may carry into the record; anything else (evidence) is left out.
_CONTEXT_KEYS = ("conversation_id", "turn", "entry_id", "mood", "instrument", "total", "item9",
                 "response_id", "message_id")
DASHBOARD_LIMIT = 200


def record_safety_event(patient: PatientContext, event: dict, **context) -> SafetyEvent | None:
    """Store a domain safety event (from `build_safety_event`) for the patient's therapist.

    Returns the stored row, or None for event types that are not kept.
    """
    if event.get("type") not in RECORDED_TYPES:
        logger.info("safety event not recorded", extra={"type": event.get("type")})
        return None
    now = utc_now()
    event_id = new_time_id(now)
    kept = {k: v for k, v in {**event, **context}.items() if k in _CONTEXT_KEYS and v is not None}
    row = SafetyEvent(patient.patient_id, event_id, event_id=event_id, occurred_at=iso(now),
                      type=event["type"], source=event["source"], category=event.get("category"),
                      categories=list(event.get("categories") or []),
                      needs_review=bool(event.get("needs_review", True)), context=kept,
                      therapist_id=patient.therapist_id)
    row.save()
    logger.info("safety event recorded", extra={"event_id": event_id, "type": row.type,
                                                "source": row.source, "category": row.category,
                                                "has_therapist": bool(patient.therapist_id)})
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
            "categories": list(row.categories or []), "needs_review": row.needs_review,
            "context": dict(row.context or {}), "therapist_alerted": row.therapist_alerted,
            "alerted_at": row.alerted_at, "acknowledged_by": row.acknowledged_by,
            "acknowledged_at": row.acknowledged_at}
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
