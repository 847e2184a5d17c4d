"""The therapist acknowledges a safety alert on their dashboard: who did, and when, is kept."""
from __future__ import annotations

from pynamodb.exceptions import UpdateError

from emotecare.accounts.tokens import Principal
from emotecare.clock import iso, utc_now
from emotecare.db.wellbeing import SafetyEvent
from emotecare.errors import NotFoundError
from emotecare.escalation.events import event_view
from emotecare.log import get_logger
from emotecare.timeids import instant_of, is_time_id

logger = get_logger("escalation")


def acknowledge_event(therapist: Principal, event_id: str) -> dict:
    """Mark one of the therapist's patients' events as seen by them; a repeat keeps the first."""
    row = find_for_therapist(therapist.user_id, event_id)
    if row.acknowledged_at is None:
        try:
            row.update(actions=[SafetyEvent.acknowledged_by.set(therapist.user_id),
                                SafetyEvent.acknowledged_at.set(iso(utc_now()))],
                       condition=SafetyEvent.acknowledged_at.does_not_exist())
            logger.info("safety event acknowledged", extra={"event_id": event_id})
        except UpdateError:
            row.refresh(consistent_read=True)  # acknowledged a moment ago (another tab)
    return event_view(row)


def find_for_therapist(therapist_id: str, event_id: str) -> SafetyEvent:
    """The event, if it is on this therapist's dashboard (the `by-therapist` index, one instant)."""
    if not is_time_id(event_id):
        raise NotFoundError("no such safety event")
    for row in SafetyEvent.by_therapist.query(
            therapist_id, range_key_condition=SafetyEvent.occurred_at == instant_of(event_id),
            filter_condition=SafetyEvent.event_id == event_id):
        return row
    raise NotFoundError("no such safety event")
