"""Tell a patient their weekly report is ready: a link to sign in and see it, never its content."""
from __future__ import annotations

from emotecare.notifications.mailer import Mailer
from emotecare.notifications.templates import send_templated


class ReportMailer:
    """Sends "your report is ready" through the platform's mailer (SES)."""

    def __init__(self, mailer: Mailer, frontend_url: str):
        self._mailer = mailer
        self._frontend_url = frontend_url.rstrip("/")

    def report_link(self, week: str) -> str:
        return f"{self._frontend_url}/#/reports/me/{week}"

    def send_report_ready(self, to: str, name: str, summary: dict) -> str:
        """Email `to` a link to the report of `summary["week"]`; return SES's message id."""
        return send_templated(self._mailer, "report_ready", [to], name=name or "there",
                              first_day=summary["period"]["first_day"],
                              last_day=summary["period"]["last_day"],
                              link=self.report_link(summary["week"]))
