"""Tell the patient's therapist, by e-mail, when the patient accepts the offer to alert them.

The mail says only that the patient asked for contact, when, and where their page is: no
words, category or source (a mailbox is not the place for them; the dashboard shows the rest).
"""
from __future__ import annotations

from botocore.exceptions import BotoCoreError, ClientError
from pynamodb.exceptions import DoesNotExist, UpdateError

from emotecare.accounts.tokens import Principal
from emotecare.clock import iso, utc_now
from emotecare.db.models import User
from emotecare.db.wellbeing import SafetyEvent
from emotecare.errors import ConflictError
from emotecare.escalation.care_team import load_patient_context
from emotecare.escalation.events import event_view, load_own_event
from emotecare.escalation.policy import is_urgent
from emotecare.escalation.urgent import alert_links
from emotecare.log import get_logger
from emotecare.notifications.mailer import Mailer
from emotecare.notifications.templates import send_templated

logger = get_logger("escalation")


def alert_therapist(patient: Principal, event_id: str, mailer: Mailer, app_url: str) -> dict:
    """Mail the therapist about one of the patient's safety events, once (a repeat is a no-op)."""
    event = load_own_event(patient.user_id, event_id)
    if event.therapist_alerted:
        return {**event_view(event), "alert_sent": False}
    context = load_patient_context(patient.user_id)
    therapist_id = event.therapist_id or context.therapist_id
    if not therapist_id:
        raise ConflictError("you have no therapist on EmoteCare yet: please call one of the helplines")
    try:
        therapist = User.get(therapist_id)
    except DoesNotExist as exc:
        raise ConflictError("your therapist's account no longer exists: please call a helpline") from exc
    _claim(event, therapist_id)  # before sending, so two taps send one mail
    try:
        send_templated(mailer, "safety_alert", [therapist.email],
                       therapist_name=context.therapist_name or therapist.name or "there",
                       patient_name=context.name or "Your patient", when=event.occurred_at,
                       urgent=is_urgent(event.level) and event.type == "crisis_flagged",
                       **alert_links(app_url, patient.user_id))
    except (ClientError, BotoCoreError):
        event.update(actions=[SafetyEvent.therapist_alerted.set(False), SafetyEvent.alerted_at.remove()])
        raise
    logger.info("therapist alerted", extra={"event_id": event_id})
    return {**event_view(event), "alert_sent": True}


def _claim(event: SafetyEvent, therapist_id: str) -> None:
    try:
        event.update(actions=[SafetyEvent.therapist_alerted.set(True),
                              SafetyEvent.alerted_at.set(iso(utc_now())),
                              SafetyEvent.therapist_id.set(therapist_id)],
                     condition=SafetyEvent.therapist_alerted == False)  # noqa: E712 (a DynamoDB condition)
    except UpdateError as exc:
        raise ConflictError("your therapist is already being alerted") from exc
