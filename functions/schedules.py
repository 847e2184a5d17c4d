"""Scheduled functions (deployed by Chalice as EventBridge-scheduled Lambdas).

Each handler is thin: it binds settings and calls one domain function. The local stack
runs the same handlers on the same schedules.
"""
from __future__ import annotations

from chalice import Blueprint, Cron, Rate

from emotecare.db import bind_models
from emotecare.log import get_logger
from emotecare.settings import get_settings

bp = Blueprint(__name__)
logger = get_logger("schedules")

# Mondays 13:00 UTC. A Monday–Sunday week ends at local midnight, which is Monday 12:00
# UTC in the westernmost zone (UTC-12); by 13:00 every zone's week is over (with an hour
# for late frames) and, up to UTC+14 (Tuesday 03:00 there), every zone still calls the
# same ISO week "last week", so one week label is right for every patient.
WEEKLY_REPORTS = Cron(0, 13, "?", "*", "MON", "*")


@bp.schedule(WEEKLY_REPORTS, name="weekly-reports", description="Compile last week's reports")
def weekly_reports(event):
    """Queue last week's first fan-out job; the report worker (functions/reports) does the rest."""
    settings = get_settings()
    bind_models(settings)
    from emotecare.reports.scheduling import start_weekly_fanout

    week = start_weekly_fanout(settings)
    logger.info("weekly reports fan-out queued", extra={"week": week})
    return {"week": week}


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
