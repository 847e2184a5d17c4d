"""Compile one patient's weekly report: summary → DynamoDB, HTML → S3, "ready" email once.

Idempotent per (patient, week): the report row and the HTML object have deterministic
keys and are overwritten by a re-run, and the email is claimed with a conditional write
so a redelivered or repeated job does not send it twice.
"""
from __future__ import annotations

import functools
from datetime import datetime

from pynamodb.exceptions import UpdateError

from emotecare.clock import utc_now
from emotecare import aws
from emotecare.db.models import Report, User
from emotecare.errors import NotFoundError
from emotecare.log import get_logger
from emotecare.notifications.mailer import Mailer
from emotecare.pipeline.smoothing import SmoothingRules
from emotecare.reports.distress import smoothing_rules
from emotecare.reports.files import ReportFiles
from emotecare.reports.mailer import ReportMailer
from emotecare.reports.render import render_report_html
from emotecare.reports.summary import build_summary, week_over_week
from emotecare.sessions.sharing import CARE_TEAM, care_team_summary
from emotecare.weeks import parse_utc_text, parse_week, shift_week, to_utc_text, week_of
from emotecare.settings import Settings, get_settings

logger = get_logger("reports")


class ReportCompiler:
    """Compiles, stores and announces weekly reports; handed its file store and mailer."""

    def __init__(self, files: ReportFiles, mailer: ReportMailer, rules: SmoothingRules):
        self._files = files
        self._mailer = mailer
        self._rules = rules  # the live feed's distress rules

    def compile(self, patient_id: str, week: str, now: datetime | None = None) -> Report:
        """Build and store the report of `patient_id` for `week`; email once it is complete."""
        parse_week(week)
        now = now or utc_now()
        patient = _patient(patient_id)
        summary = build_summary(patient_id, patient.time_zone, week, now, self._rules)
        previous = self._previous_summary(patient, week, now)
        summary["deltas"] = week_over_week(summary, previous, shift_week(week, -1))
        care_view = summary[CARE_TEAM]
        care_view["deltas"] = week_over_week(
            care_view, care_team_summary(previous) if previous else None, shift_week(week, -1))
        care_view["html_key"] = self._files.put_html(
            patient_id, week, render_report_html(care_view, patient.name), audience=CARE_TEAM)
        html_key = self._files.put_html(patient_id, week, render_report_html(summary, patient.name))
        report = Report(patient_id, week)
        # An update, not a put: it keeps the first `created_at` and a `notified_at` that a
        # concurrent delivery of the same job may already have written.
        report.update(actions=[
            Report.summary.set(summary),
            Report.html_key.set(html_key),
            Report.created_at.set(Report.created_at | to_utc_text(now)),
        ])
        if summary["complete"] and not report.notified_at:
            self._notify_once(report, patient, summary, now)
        logger.info("report compiled", extra={"patient_id": patient_id, "week": week,
                                               "empty": summary["empty"],
                                               "frames": summary["emotions"]["frames"]})
        return report

    def _previous_summary(self, patient: User, week: str, now: datetime) -> dict | None:
        """Last week's stored summary, or last week compiled afresh when there is none."""
        previous = shift_week(week, -1)
        try:
            return Report.get(patient.user_id, previous).summary
        except Report.DoesNotExist:
            return build_summary(patient.user_id, patient.time_zone, previous, now, self._rules)

    def _notify_once(self, report: Report, patient: User, summary: dict, now: datetime) -> None:
        try:
            report.update(actions=[Report.notified_at.set(to_utc_text(now))],
                          condition=Report.notified_at.does_not_exist())
        except UpdateError as exc:
            if exc.cause_response_code == "ConditionalCheckFailedException":
                return  # another delivery of this job has sent it
            raise
        try:
            self._mailer.send_report_ready(patient.email, patient.name, summary)
        except Exception:
            # Release the claim so the retried job sends the email.
            report.update(actions=[Report.notified_at.remove()])
            raise


def _patient(patient_id: str) -> User:
    try:
        patient = User.get(patient_id)
    except User.DoesNotExist as exc:
        raise NotFoundError(f"no patient {patient_id}") from exc
    if patient.role != "patient":
        raise NotFoundError(f"{patient_id} is not a patient")
    return patient


def recompile_week_of(session, settings: Settings) -> None:
    """Compile again the stored report of the week a session was held in (after the patient
    shared or unshared it); a week not compiled yet is left to the schedule."""
    patient = _patient(session.patient_id)
    held = session.started_at or session.created_at
    week = week_of(parse_utc_text(held), patient.time_zone)
    try:
        Report.get(patient.user_id, week)
    except Report.DoesNotExist:
        return
    report_compiler(settings).compile(patient.user_id, week)


@functools.lru_cache(maxsize=4)
def report_files(settings: Settings) -> ReportFiles:
    return ReportFiles(aws.client("s3", settings), settings.reports_bucket)


@functools.lru_cache(maxsize=4)
def report_compiler(settings: Settings) -> ReportCompiler:
    """The compiler wired to `settings`' bucket and SES sender (cached for warm Lambdas)."""
    mailer = ReportMailer(Mailer(aws.client("ses", settings), settings.sender_email),
                          settings.frontend_url)
    return ReportCompiler(report_files(settings), mailer, smoothing_rules(settings))


def compile_weekly_report(patient_id: str, week: str, settings: Settings | None = None) -> Report:
    """Build, store and announce the report of `patient_id` for `week` (idempotent)."""
    return report_compiler(settings or get_settings()).compile(patient_id, week)
