"""The crisis part of an answer, the same for a chat message, a journal entry and PHQ-9 item 9."""
from __future__ import annotations

from emotecare.db.wellbeing import SafetyEvent
from emotecare.safety import CrisisReply


def crisis_fields(reply: CrisisReply, event: SafetyEvent | None) -> dict:
    """What the client shows at once: the words, the helplines, the emergency number, and the
    offer to alert the therapist (`POST /safety-events/{safety_event_id}/alert-therapist`)."""
    return {"crisis": True, "crisis_reply": reply.text, "category": reply.category,
            "helplines": [line.to_dict() for line in reply.helplines],
            "emergency_number": reply.emergency_number,
            "offer_therapist_alert": bool(reply.offer_therapist_alert and event is not None),
            "safety_event_id": event.event_id if event is not None else None}
