"""One report per (patient, week) however often it is compiled; kind words for an empty week."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from emotecare.db.models import Report
from emotecare.reports.compile import report_compiler, report_files
from tests.support.mail import sent_mails

pytestmark = pytest.mark.stack


def test_compiling_a_week_twice_leaves_one_report_one_page_each_and_one_email(rows, bound, stack):
    """One page for the patient, one for the care team (without private self-reflect)."""
    patient = rows.patient("Europe/London")
    session = rows.session(patient.user_id, "self_reflect", started_at="2026-11-18T09:00:00Z")
    rows.frames(session, "2026-11-18T09:00:00Z", [(4, "happy")])
    compiler = report_compiler(bound)
    first = compiler.compile(patient.user_id, "2026-W47",
                             now=datetime(2026, 11, 23, 13, 0, tzinfo=timezone.utc))
    # A frame arriving late is picked up by the re-run, which replaces the report.
    rows.frames(session, "2026-11-18T09:00:04Z", [(1, "sad")])
    second = compiler.compile(patient.user_id, "2026-W47",
                              now=datetime(2026, 11, 24, 13, 0, tzinfo=timezone.utc))
    reports = list(Report.query(patient.user_id))
    assert [r.week for r in reports] == ["2026-W47"]
    assert reports[0].summary["emotions"]["frames"] == 5
    assert second.created_at == first.created_at == "2026-11-23T13:00:00Z"
    assert reports[0].summary["compiled_at"] == "2026-11-24T13:00:00Z"
    keys = stack.client("s3").list_objects_v2(
        Bucket=bound.reports_bucket, Prefix=f"reports/{patient.user_id}/")["Contents"]
    assert sorted(k["Key"] for k in keys) == [f"reports/{patient.user_id}/2026-W47.care_team.html",
                                              f"reports/{patient.user_id}/2026-W47.html"]
    emails = sent_mails(stack, patient.email)
    assert len(emails) == 1


def test_the_email_says_the_report_is_ready_with_a_link_and_not_its_content(rows, bound, stack):
    patient = rows.patient("Europe/London", name="Ola")
    rows.questionnaire(patient.user_id, "phq9", "2026-11-18T12:00:00Z", 17, "moderately severe")
    rows.journal(patient.user_id, "2026-11-18T12:00:00Z", 2)
    report_compiler(bound).compile(patient.user_id, "2026-W47",
                                   now=datetime(2026, 11, 23, 13, 0, tzinfo=timezone.utc))
    [email] = sent_mails(stack, patient.email)
    assert email.subject == "Your EmoteCare weekly report is ready"
    assert f"{bound.frontend_url}/#/reports/me/2026-W47" in email.text
    assert "Hello Ola" in email.text and "2026-11-16 to 2026-11-22" in email.text
    assert "17" not in email.text and "severe" not in email.text and not email.attachments


def test_a_week_still_in_progress_is_compiled_but_not_announced(rows, bound, stack):
    patient = rows.patient("UTC")
    rows.journal(patient.user_id, "2026-11-18T12:00:00Z", 7)
    report = report_compiler(bound).compile(
        patient.user_id, "2026-W47", now=datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc))
    assert report.summary["complete"] is False and report.notified_at is None
    assert sent_mails(stack, patient.email) == []


def test_a_patient_with_no_data_gets_a_short_kind_empty_report(rows, bound, stack):
    patient = rows.patient("Asia/Tokyo", name="Kai")
    report = report_compiler(bound).compile(
        patient.user_id, "2026-W47", now=datetime(2026, 11, 23, 13, 0, tzinfo=timezone.utc))
    summary = report.summary
    assert summary["empty"] is True
    assert summary["sessions"] == {"attended": 0, "self_reflect": 0, "items": []}
    assert summary["emotions"] == {"frames": 0, "face_share": None, "mean_valence": None,
                                   "expressions": {}, "uncertain_share": None}
    assert summary["journal"]["entries"] == 0 and summary["safety"]["events"] == 0
    html = report_files(bound).read_html(report.html_key)
    assert "Your week, Kai" in html
    assert "That is\ncompletely fine" in html
    assert "<img" not in html and "<table" not in html
    assert len(html) < 4000
    assert len(sent_mails(stack, patient.email)) == 1


def test_compiling_for_someone_who_is_not_a_patient_fails(rows, bound):
    from emotecare.errors import NotFoundError

    with pytest.raises(NotFoundError):
        report_compiler(bound).compile("no-such-patient", "2026-W47")
