"""Tell a patient their weekly report is ready: a link to sign in and see it, never its content.

The accounts area builds the platform's notifications package; when it is on main, this
class should delegate to it so every email goes out the same way.
"""
from __future__ import annotations

_SUBJECT = "Your EmoteCare weekly report is ready"
_BODY = """Hello {name},

Your weekly report for {first_day} to {last_day} is ready. Sign in to read it:

{link}

For your privacy this email does not contain the report itself.

EmoteCare
"""


class ReportMailer:
    """Sends "your report is ready" emails through SES; handed its SES client."""

    def __init__(self, ses, sender: str, frontend_url: str):
        self._ses = ses
        self._sender = sender
        self._frontend_url = frontend_url.rstrip("/")

    def report_link(self, week: str) -> str:
        return f"{self._frontend_url}/#/reports/{week}"

    def send_report_ready(self, to: str, name: str, summary: dict) -> str:
        """Email `to` a link to the report of `summary["week"]`; return SES's message id."""
        body = _BODY.format(name=name or "there", first_day=summary["period"]["first_day"],
                            last_day=summary["period"]["last_day"],
                            link=self.report_link(summary["week"]))
        response = self._ses.send_email(
            Source=self._sender, Destination={"ToAddresses": [to]},
            Message={"Subject": {"Data": _SUBJECT, "Charset": "UTF-8"},
                     "Body": {"Text": {"Data": body, "Charset": "UTF-8"}}})
        return response["MessageId"]
