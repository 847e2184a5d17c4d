"""Calendar invites follow RFC 5545's line rules; every mail template renders with a subject."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import jinja2
import pytest

from emotecare.notifications.ics import calendar_event
from emotecare.notifications.templates import render_mail

START = datetime(2030, 1, 7, 10, tzinfo=timezone.utc)


def _event(**overrides) -> str:
    values = dict(uid="b-1@emotecare", starts_at=START, ends_at=START.replace(minute=50),
                  summary="Session; with, Dr. Ø", description="Line one\nline two " + "é" * 60,
                  organizer="doc@example.com", attendees=["p@example.com"],
                  url="https://app.example/", sequence=2)
    return calendar_event(**{**values, **overrides})


def test_invite_lines_are_crlf_folded_to_75_octets_and_escaped():
    ics = _event()
    lines = ics.split("\r\n")
    assert ics.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = ics.replace("\r\n ", "")
    assert "SUMMARY:Session\\; with\\, Dr. Ø" in unfolded
    assert "DESCRIPTION:Line one\\nline two " + "é" * 60 in unfolded
    assert "DTSTART:20300107T100000Z" in unfolded and "SEQUENCE:2" in unfolded


def test_cancelled_invite_uses_method_cancel():
    ics = _event(cancelled=True)
    assert "METHOD:CANCEL" in ics and "STATUS:CANCELLED" in ics


_TEMPLATES = sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "emotecare" /
                                     "notifications" / "templates").glob("*.txt"))
_CONTEXT = dict(name="Sam", code="123456", app_url="https://app", therapist_name="Dr. R",
                patient_name="Sam", therapy_type="individual", message="hi",
                when_therapist="Monday", therapist_tz="UTC", when_patient="Monday",
                patient_tz="UTC", other_name="Dr. R", when="Monday", tz="UTC", reason="busy",
                cancelled_by="patient", previous_when="Sunday", lead="tomorrow",
                first_day="2026-11-16", last_day="2026-11-22", link="https://app/#/reports",
                patient_email="sam@example.com", category="self-harm", source="chat",
                sender="Dr. R", patient_url="https://app/#/patients/p1",
                dashboard_url="https://app/#/dashboard",
                policy="Free to cancel up to 24 hours before.", amount="£50.00",
                booking_id="b-1", card="Visa ending 4242", kind="session", session_date="Monday",
                urgent=True, contact_url="https://app/#/patients/p1/contact",
                alerts_url="https://app/#/alerts")


@pytest.mark.parametrize("template", _TEMPLATES)
def test_every_template_renders_a_subject_and_a_body(template):
    subject, body = render_mail(template, **_CONTEXT)
    assert subject and "\n" not in subject and body.strip()


def test_a_missing_template_variable_is_an_error_not_a_blank():
    with pytest.raises(jinja2.UndefinedError):
        render_mail("verify_email", name="Sam", app_url="x")
