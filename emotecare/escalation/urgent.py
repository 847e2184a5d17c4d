"""Mail the therapist at once when an alert is urgent (the policy's `mail_at_once`).

Sent while the patient's message is answered, so a failure is logged and never fails their
answer: the alert is on the therapist's pages either way, and the patient can still ask.
"""
from __future__ import annotations

from botocore.exceptions import BotoCoreError, ClientError
from pynamodb.exceptions import DoesNotExist

from emotecare import aws
from emotecare.clock import iso, utc_now
from emotecare.db.models import User
from emotecare.db.wellbeing import SafetyEvent
from emotecare.errors import SettingsError
from emotecare.escalation.care_team import PatientContext
from emotecare.log import get_logger
from emotecare.notifications.mailer import Mailer
from emotecare.notifications.templates import send_templated
from emotecare.settings import get_settings

logger = get_logger("escalation")


def alert_links(app_url: str, patient_id: str) -> dict:
    """Where a mail about the patient points: how to reach them, their page, the alerts."""
    base = app_url.rstrip("/")
    return {"contact_url": f"{base}/#/patients/{patient_id}/contact",
            "patient_url": f"{base}/#/patients/{patient_id}",
            "alerts_url": f"{base}/#/alerts", "dashboard_url": f"{base}/#/dashboard"}


def mail_urgent_alert(row: SafetyEvent, patient: PatientContext, mailer: Mailer | None = None) -> bool:
    """Mail the patient's therapist about an urgent alert (no words); True when sent."""
    if not row.therapist_id:
        return False
    try:
        settings = get_settings()
        therapist = User.get(row.therapist_id)
        send_templated(mailer or Mailer(aws.client("ses", settings), settings.sender_email),
                       "urgent_safety_alert", [therapist.email],
                       therapist_name=patient.therapist_name or therapist.name or "there",
                       patient_name=patient.name or "Your patient", when=row.occurred_at,
                       **alert_links(settings.frontend_url, row.patient_id))
    except (DoesNotExist, ClientError, BotoCoreError, SettingsError):  # no mail set up here, or SES down
        logger.exception("urgent alert mail failed", extra={"event_id": row.event_id})
        return False
    row.update(actions=[SafetyEvent.urgent_mail_at.set(iso(utc_now()))])
    logger.info("urgent alert mailed", extra={"event_id": row.event_id})
    return True
