"""Compiling a generated week gives exactly the numbers its rows imply."""
from __future__ import annotations

import base64
import re
from datetime import datetime, timezone

import pytest

from emotecare.db.models import Report
from emotecare.reports.compile import report_compiler, report_files
from tests.reports.rows import RowMaker

pytestmark = pytest.mark.stack
WEEK = "2026-W47"  # Mon 16 – Sun 22 November 2026; New York is UTC-5 all week
NOW = datetime(2026, 11, 30, 13, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def week(bound):
    """A New York patient's W47 with rows just inside and just outside its edges."""
    rows = RowMaker()
    patient = rows.patient("America/New_York", name="Robin")
    pid = patient.user_id
    # Booked long ago (outside the sessions index look-back): found through its records.
    therapy = rows.session(pid, "therapy", started_at="2026-11-17T15:00:00Z",
                           created_at="2026-06-01T00:00:00Z")
    # 10 s happy, 45 s sad, 5 s looking away: valences +1 and -0.8 (the pipeline's scores).
    rows.frames(therapy, "2026-11-17T15:00:00Z", [(10, "happy"), (45, "sad"), (5, None)])
    # Saturday 23:00 in New York is Sunday 04:00 UTC: its day is Saturday.
    reflect = rows.session(pid, "self_reflect", started_at="2026-11-22T04:00:00Z")
    rows.frames(reflect, "2026-11-22T04:00:00Z", [(5, "fear"), (5, "neutral")], step_s=2)
    # Sunday 23:30 local (Monday 04:30 UTC) is still this week …
    late = rows.session(pid, "self_reflect", started_at="2026-11-23T04:30:00Z")
    rows.frames(late, "2026-11-23T04:30:00Z", [(2, "happy")])
    # … Monday 00:30 local is next week.
    next_week = rows.session(pid, "self_reflect", started_at="2026-11-23T05:30:00Z")
    rows.frames(next_week, "2026-11-23T05:30:00Z", [(3, "angry")])
    # Booked in the week but cancelled: not attended, not listed.
    rows.session(pid, "therapy", started_at=None, created_at="2026-11-02T10:00:00Z",
                 state="cancelled", booked_for="2026-11-19T15:00:00Z", booking_status="cancelled")
    # Last week's session (booked weeks before, found through its booking; analysis off).
    rows.session(pid, "therapy", started_at="2026-11-12T15:00:00Z", created_at="2026-11-01T10:00:00Z")
    rows.journal(pid, "2026-11-16T00:30:00Z", 5)  # Sunday 15th, 19:30 local: last week
    rows.journal(pid, "2026-11-16T13:00:00Z", 4)
    rows.journal(pid, "2026-11-19T02:00:00Z", 6)  # Wednesday 21:00 local
    rows.journal(pid, "2026-11-23T04:30:00Z", 8)  # Sunday 23:30 local
    rows.questionnaire(pid, "phq9", "2026-11-10T12:00:00Z", 14, "moderate")
    rows.questionnaire(pid, "phq9", "2026-11-18T12:00:00Z", 12, "moderate")
    rows.questionnaire(pid, "phq9", "2026-11-20T12:00:00Z", 9, "mild")
    rows.questionnaire(pid, "gad7", "2026-11-19T12:00:00Z", 8, "mild")
    rows.safety_event(pid, "2026-11-18T15:00:00Z")
    rows.safety_event(pid, "2026-11-19T03:00:00Z")  # Wednesday 22:00 local
    rows.safety_event(pid, "2026-11-20T15:00:00Z", type="distress_noted")  # counted, not an alert
    report = report_compiler(bound).compile(pid, WEEK, now=NOW)
    return {"patient": patient, "report": report, "summary": report.summary,
            "therapy": therapy, "reflect": reflect, "late": late}


def test_sessions_attended_and_self_reflect_sessions_are_counted(week):
    sessions = week["summary"]["sessions"]
    assert (sessions["attended"], sessions["self_reflect"]) == (1, 2)
    assert [s["session_id"] for s in sessions["items"]] == [
        week["therapy"].session_id, week["reflect"].session_id, week["late"].session_id]


def test_each_session_has_its_distribution_valence_face_share_and_distress(week):
    therapy, reflect, late = week["summary"]["sessions"]["items"]
    assert therapy == {
        "session_id": week["therapy"].session_id, "kind": "therapy", "therapist_id": "therapist-1",
        "started_at": "2026-11-17T15:00:00Z", "local_start": "2026-11-17 10:00", "weekday": "Tue",
        # 55 of 60 frames with a face; (10 × 1.0 + 45 × -0.8) / 55 = -26/55.
        "frames": 60, "face_share": 0.9167, "mean_valence": -0.4727,
        "expressions": {"happy": 0.1818, "sad": 0.8182}, "uncertain_share": 0.0,
        # The live feed's smoothing (10 s window) crosses -0.3 at 16 s; sad lasts to 54 s.
        "distress": [{"start": "2026-11-17T15:00:16.000Z", "end": "2026-11-17T15:00:54.000Z",
                      "seconds": 38.0}],
        "distress_count": 1,
    }
    # Eight seconds of fear (12 s once smoothed) is not sustained distress.
    assert (reflect["local_start"], reflect["frames"], reflect["face_share"],
            reflect["mean_valence"], reflect["expressions"], reflect["distress"]) == (
        "2026-11-21 23:00", 10, 1.0, -0.4, {"fear": 0.5, "neutral": 0.5}, [])
    assert (late["local_start"], late["weekday"], late["frames"]) == ("2026-11-22 23:30", "Sun", 2)


def test_week_totals_and_daily_valence_use_local_days(week):
    summary = week["summary"]
    # 67 of 72 frames with a face; valence (-26 - 4 + 2) / 67 = -28/67.
    assert summary["emotions"] == {"frames": 72, "face_share": 0.9306, "mean_valence": -0.4179,
                                   "expressions": {"fear": 0.0746, "happy": 0.1791,
                                                   "neutral": 0.0746, "sad": 0.6716},
                                   "uncertain_share": 0.0}
    assert [(d["weekday"], d["mean_valence"], d["frames"]) for d in summary["daily_valence"]] == [
        ("Mon", None, 0), ("Tue", -0.4727, 55), ("Wed", None, 0), ("Thu", None, 0),
        ("Fri", None, 0), ("Sat", -0.4, 10), ("Sun", 1.0, 2)]
    assert summary["period"] == {"first_day": "2026-11-16", "last_day": "2026-11-22",
                                 "start_utc": "2026-11-16T05:00:00Z",
                                 "end_utc": "2026-11-23T05:00:00Z"}
    assert summary["complete"] is True and summary["empty"] is False


def test_journal_questionnaires_and_safety_events(week):
    summary = week["summary"]
    assert summary["journal"]["entries"] == 3
    assert summary["journal"]["mood_average"] == 6.0
    assert [d["mood_average"] for d in summary["journal"]["daily_mood"]] == [
        4.0, None, 6.0, None, None, None, 8.0]
    assert summary["questionnaires"]["phq9"] == {
        "score": 9, "band": "mild", "submitted_at": "2026-11-20T12:00:00Z", "responses": 2,
        "previous_score": 12, "change": -3}
    assert summary["questionnaires"]["gad7"] == {
        "score": 8, "band": "mild", "submitted_at": "2026-11-19T12:00:00Z", "responses": 1,
        "previous_score": None, "change": None}
    # Count and dates only: nothing of what was said, not even the category.
    # Distress (no alert, by the escalation policy) is its own line, not a safety event.
    assert summary["safety"] == {"events": 2, "dates": ["2026-11-18"], "distress": 1}


def test_week_over_week_changes_compare_with_the_previous_week(week):
    deltas = week["summary"]["deltas"]
    assert deltas["previous_week"] == "2026-W46"
    assert deltas["previous"]["sessions_attended"] == 1 and deltas["previous"]["phq9"] == 14
    assert deltas["changes"] == {
        "sessions_attended": 0, "self_reflect_sessions": 2, "frames": 72, "mean_valence": None,
        "face_share": None, "journal_entries": 2, "mood_average": 1.0, "phq9": -5, "gad7": None,
        "safety_events": 2}


def test_rendered_html_in_the_bucket_contains_its_three_charts(week, bound):
    report = week["report"]
    assert report.html_key == f"reports/{week['patient'].user_id}/{WEEK}.html"
    html = report_files(bound).read_html(report.html_key)
    images = re.findall(
        r'<img class="chart" id="(chart-[a-z-]+)"[^>]*src="data:image/svg\+xml;base64,([^"]+)"', html)
    assert [name for name, _ in images] == ["chart-daily-valence", "chart-expressions", "chart-mood"]
    svgs = {name: base64.b64decode(data).decode("utf-8") for name, data in images}
    for svg in svgs.values():
        assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
        assert not re.search(r'<script[^>]*href', svg)  # nothing fetched (inline config only)
    # Each chart shows this week's data: the sessions' labels, the expressions, the days.
    assert "Tue 10:00 therapy" in svgs["chart-expressions"] and ">sad<" in svgs["chart-expressions"]
    assert all(f">{day}<" in svgs["chart-daily-valence"] for day in ("Mon", "Sun"))
    assert "Robin" in html and "PHQ-9" in html and "9 (mild)" in html
    assert "private words" not in html and "self_harm" not in html


def test_the_stored_row_is_the_summary(week):
    stored = Report.get(week["patient"].user_id, WEEK)
    assert stored.summary == week["summary"]
    assert stored.notified_at == "2026-11-30T13:00:00Z"


def test_sunday_2330_lands_in_its_own_week_on_both_sides_of_a_dst_change(bound):
    """New York leaves DST in the night of Sat 31 Oct → Sun 1 Nov 2026 (weeks W43 | W44 | W45)."""
    rows = RowMaker()
    patient = rows.patient("America/New_York")
    session = rows.session(patient.user_id, "self_reflect", started_at="2026-10-26T03:30:00Z")
    rows.frames(session, "2026-10-26T03:30:00Z", [(1, "happy")])  # Sun 25 Oct 23:30 EDT
    rows.frames(session, "2026-10-26T04:30:00Z", [(2, "sad")])  # Mon 26 Oct 00:30 EDT
    rows.frames(session, "2026-11-02T04:30:00Z", [(3, "neutral")])  # Sun 1 Nov 23:30 EST
    rows.frames(session, "2026-11-02T05:30:00Z", [(4, "angry")])  # Mon 2 Nov 00:30 EST
    compiler = report_compiler(bound)
    weeks = {week: compiler.compile(patient.user_id, week, now=NOW).summary
             for week in ("2026-W43", "2026-W44", "2026-W45")}
    assert [weeks[w]["emotions"]["frames"] for w in sorted(weeks)] == [1, 5, 4]
    days = weeks["2026-W44"]["daily_valence"]
    assert (days[0]["date"], days[0]["frames"], days[6]["date"], days[6]["frames"]) == (
        "2026-10-26", 2, "2026-11-01", 3)
    assert weeks["2026-W43"]["daily_valence"][6] == {
        "date": "2026-10-25", "weekday": "Sun", "mean_valence": 1.0, "frames": 1}
