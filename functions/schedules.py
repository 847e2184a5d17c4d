"""Scheduled functions (deployed by Chalice as EventBridge-scheduled Lambdas).

Each handler is thin: it binds settings and calls one domain function. The local stack
runs the same handlers on the same schedules.
"""
from __future__ import annotations

import json

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
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
# Stop starting new report jobs when less than this is left of the invocation (one
# compilation takes well under 2 s, see docs/reports.md); the remaining messages are
# reported as failed and SQS redelivers them to a fresh invocation.
_RESERVE_MS = 20_000


@bp.schedule(WEEKLY_REPORTS, name="weekly-reports", description="Compile last week's reports")
def weekly_reports(event):
    """Queue last week's first fan-out job; the report worker below does the rest."""
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


# An erasure marked more than 5 minutes ago and not verified was interrupted (a crash, a
# timeout); the account stays closed to writes until this finishes it.
ERASURE_SWEEP = Rate(10, unit=Rate.MINUTES)


@bp.schedule(ERASURE_SWEEP, name="erasure-sweep",
             description="Finish account erasures that were interrupted")
def erasure_sweep(event):
    settings = get_settings()
    bind_models(settings)
    from emotecare import aws
    from emotecare.accounts.erasure import finish_interrupted_erasures
    from emotecare.accounts.identity import IdentityProvider
    from emotecare.accounts.personal_data import PatientFiles

    identity = IdentityProvider(aws.client("cognito-idp", settings), settings.user_pool_id,
                                settings.user_pool_client_id)
    files = PatientFiles(aws.client("s3", settings), settings.frames_bucket,
                         settings.reports_bucket)
    finished = finish_interrupted_erasures(identity, files)
    logger.info("interrupted erasures finished", extra={"accounts": finished})
    return {"finished": finished}


def _payment_gateway(settings):
    from emotecare import aws
    from emotecare.payments.gateway import StripeGateway
    from emotecare.settings import stripe_keys

    keys = stripe_keys(settings, lambda: aws.client("secretsmanager", settings))
    return StripeGateway(keys.secret_key, keys.publishable_key, keys.webhook_secret,
                         api_base=settings.stripe_api_base)


# Every 15 minutes: a session that never started is released soon after its end.
RELEASE_UNSTARTED = Rate(15, unit=Rate.MINUTES)


@bp.schedule(RELEASE_UNSTARTED, name="release-unstarted-payments",
             description="Release card holds of sessions that never started")
def release_unstarted_payments(event):
    settings = get_settings()
    bind_models(settings)
    from emotecare.payments.charges import release_unstarted

    released = release_unstarted(_payment_gateway(settings))
    logger.info("unstarted sessions released", extra={"released": released})
    return {"released": released}


# Nightly, 03:00 UTC: our payment records against Stripe's.
NIGHTLY_RECONCILE = Cron(0, 3, "*", "*", "?", "*")


@bp.schedule(NIGHTLY_RECONCILE, name="reconcile-payments",
             description="Compare payment records with Stripe and report differences")
def reconcile_payments(event):
    settings = get_settings()
    bind_models(settings)
    from emotecare.payments.reconcile import reconcile

    report = reconcile(_payment_gateway(settings))
    logger.info("payments reconciled", extra={"payments": report["payments"],
                                              "differences": len(report["differences"])})
    return report


@bp.on_sqs_message(queue="reports", batch_size=10, name="report-worker")
def compile_reports(event):
    """Run each queued job (a fan-out chunk or one patient's week); failures retry alone."""
    bind_models(get_settings())
    # Every failure is a batch item failure, even when all fail (Powertools would otherwise
    # raise and fail the whole receive, retrying the jobs that did compile).
    processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)
    return process_partial_response(event=event.to_dict(), record_handler=_run_report_job,
                                    processor=processor, context=event.context)


class _NoTimeLeft(Exception):
    """Handed back to SQS unstarted: a fresh invocation will have the time."""


def _run_report_job(record: SQSRecord, lambda_context=None) -> None:
    from emotecare.reports.scheduling import run_report_job

    if lambda_context is not None and lambda_context.get_remaining_time_in_millis() < _RESERVE_MS:
        logger.warning("no time left; handing the job back", extra={"message_id": record.message_id})
        raise _NoTimeLeft(record.message_id)
    try:
        run_report_job(get_settings(), json.loads(record.body))
    except Exception:  # one patient's failure must not stop the batch; SQS retries it
        logger.exception("report job failed", extra={"message_id": record.message_id,
                                                      "body": record.body[:200]})
        raise
