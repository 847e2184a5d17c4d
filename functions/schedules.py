"""Scheduled functions (deployed by Chalice as EventBridge-scheduled Lambdas).

Each handler is thin: it binds settings and calls one domain function. The local stack
runs the same handlers on the same schedules.
"""
from __future__ import annotations

import json

from chalice import Blueprint, Cron, Rate

from emotecare.db import bind_models
from emotecare.log import get_logger
from emotecare.settings import get_settings

bp = Blueprint(__name__)
logger = get_logger("schedules")

# Mondays 02:00 UTC: by then the previous Monday–Sunday week has ended in every time zone
# from UTC-12 to UTC+14 except the far west, which the next run still covers (reports are
# idempotent per patient and week).
WEEKLY_REPORTS = Cron(0, 2, "?", "*", "MON", "*")


@bp.schedule(WEEKLY_REPORTS, name="weekly-reports", description="Compile last week's reports")
def weekly_reports(event):
    settings = get_settings()
    bind_models(settings)
    from emotecare.reports.scheduling import enqueue_weekly_reports

    queued = enqueue_weekly_reports(settings)
    logger.info("weekly reports queued", extra={"patients": queued})
    return {"queued": queued}


# Every minute, so the "in an hour" reminder leaves between 60 and 59 minutes before.
BOOKING_REMINDERS = Rate(1, unit=Rate.MINUTES)


@bp.schedule(BOOKING_REMINDERS, name="booking-reminders",
             description="Mail session reminders 24 h and 1 h before")
def booking_reminders(event):
    settings = get_settings()
    bind_models(settings)
    from emotecare import aws
    from emotecare.bookings.emails import BookingMail
    from emotecare.bookings.reminders import send_due_reminders
    from emotecare.notifications.mailer import Mailer

    mail = BookingMail(Mailer(aws.client("ses", settings), settings.sender_email),
                       settings.frontend_url)
    sent = send_due_reminders(mail)
    logger.info("booking reminders sent", extra={"bookings": sent})
    return {"reminded": sent}


@bp.on_sqs_message(queue="reports", batch_size=10, name="report-worker")
def compile_reports(event):
    """Compile each queued (patient, week); report failures per message so only they retry."""
    settings = get_settings()
    bind_models(settings)
    from emotecare.reports.compile import compile_weekly_report

    failures = []
    for record in event:
        job = json.loads(record.body)
        try:
            compile_weekly_report(job["patient_id"], job["week"])
        except Exception:
            logger.exception("report failed", extra=job)
            failures.append({"itemIdentifier": record.to_dict()["messageId"]})
    return {"batchItemFailures": failures}
