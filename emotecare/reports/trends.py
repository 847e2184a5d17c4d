"""Read compiled reports back: a patient's list, one report, and the trend series.

Everything here reads the `reports` table by its key (patient, week range): the weekly
compilation has already done the heavy reading of emotion records. A reader from the care
team (`care_team=True`) gets the care team's view of each week: no private self-reflect
sessions (`emotecare.sessions.sharing`).
"""
from __future__ import annotations

from datetime import timedelta
from typing import Callable

from emotecare.accounts.tokens import Principal
from emotecare.care import access
from emotecare.clock import utc_now
from emotecare.db.models import Report, User
from emotecare.errors import NotFoundError, ValidationError
from emotecare.reports.files import ReportFiles
from emotecare.reports.summary import headline
from emotecare.sessions.sharing import care_team_summary
from emotecare.weeks import parse_week, shift_week, week_bounds_utc, week_of

DEFAULT_WEEKS = 12
MAX_WEEKS = 104


def parse_weeks(text: str | None, field: str = "weeks") -> int:
    """A `weeks=N` (or `limit=N`) query parameter: 1 … MAX_WEEKS, DEFAULT_WEEKS when absent."""
    if text in (None, ""):
        return DEFAULT_WEEKS
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= MAX_WEEKS:
        raise ValidationError(f"{field} must be a whole number from 1 to {MAX_WEEKS}", field=field)
    return int(text)


def _view(summary: dict, care_team: bool) -> dict:
    return care_team_summary(summary) if care_team else summary


def week_span(patient_id: str, week: str) -> tuple[str, str]:
    """The week's first and last instant (UTC texts) on the patient's calendar."""
    parse_week(week)
    start, end = week_bounds_utc(week, _time_zone(patient_id))
    return (start.strftime("%Y-%m-%dT%H:%M:%SZ"),
            (end - timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%SZ"))


def list_reports(patient_id: str, limit: int = DEFAULT_WEEKS, care_team: bool = False,
                 keep: Callable[[str, str], bool] | None = None) -> list[dict]:
    """The patient's reports, newest week first, with their headline numbers (only the weeks
    whose span `keep` accepts, when given)."""
    listed = []
    for r in Report.query(patient_id, scan_index_forward=False, limit=limit):
        if keep is not None and not keep(*week_span(patient_id, r.week)):
            continue
        summary = _view(r.summary, care_team)
        listed.append({"patient_id": r.patient_id, "week": r.week, "created_at": r.created_at,
                       "empty": summary.get("empty", True),
                       "complete": summary.get("complete", True), "headline": headline(summary)})
    return listed


def read_report(patient_id: str, week: str, files: ReportFiles, care_team: bool = False) -> dict:
    """One report's data and a short-lived link to its HTML page."""
    parse_week(week)
    try:
        report = Report.get(patient_id, week)
    except Report.DoesNotExist as exc:
        raise NotFoundError(f"no report for {week}") from exc
    summary = _view(report.summary, care_team)
    html_key = summary.get("html_key") if care_team else report.html_key
    return {"patient_id": patient_id, "week": week, "created_at": report.created_at,
            "summary": summary, "html_url": files.html_url(html_key) if html_key else None}


def read_report_for(reader: Principal, patient_ref: str, week: str, files: ReportFiles) -> dict:
    """One report as `reader` may see it: a patient their own; a therapist the care team's
    view, during active care or, after it ended, of a week that lay inside it."""
    if reader.role != "therapist":
        return read_report(access.read_clinical(reader, patient_ref, "reports"), week, files)
    parse_week(week)
    dated = week_span(patient_ref, week) if 0 < len(patient_ref) <= 64 else None
    patient_id = access.read_dated(reader, patient_ref, "reports", dated)
    return read_report(patient_id, week, files, care_team=True)


def _time_zone(patient_id: str) -> str:
    try:
        return User.get(patient_id).time_zone
    except User.DoesNotExist as exc:
        raise NotFoundError("no such patient") from exc


def _current_week(patient_id: str) -> str:
    """The week running now on the patient's own calendar."""
    return week_of(utc_now(), _time_zone(patient_id))


def _week_range(patient_id: str, weeks: int, until: str | None) -> tuple[list[str], str]:
    """The `weeks` week names ending at `until` (default: the running week), and the running week.

    The running week is included so that a session that has just ended shows up as soon as
    its week's report is compiled; its points say `partial: true`.
    """
    current = _current_week(patient_id)
    if until:
        parse_week(until)
        last = until
    else:
        last = current
    return [shift_week(last, -i) for i in range(weeks - 1, -1, -1)], current


def _reports_by_week(patient_id: str, weeks: list[str]) -> dict[str, Report]:
    return {r.week: r for r in Report.query(patient_id, Report.week.between(weeks[0], weeks[-1]))}


def weekly_series(patient_id: str, weeks: int, until: str | None = None,
                  care_team: bool = False) -> dict:
    """One point per week (oldest first): expression shares, valence, scores, mood, sessions;
    the running week is marked `partial`."""
    names, current = _week_range(patient_id, weeks, until)
    reports = _reports_by_week(patient_id, names)
    points = []
    for week in names:
        summary = _view(reports[week].summary, care_team) if week in reports else None
        point = {"week": week, "compiled": summary is not None, "partial": week == current}
        point.update(headline(summary) if summary else dict.fromkeys(headline({})))
        point["expressions"] = summary["emotions"]["expressions"] if summary else {}
        point["uncertain_share"] = summary["emotions"].get("uncertain_share") if summary else None
        points.append(point)
    return {"patient_id": patient_id, "weeks": points}


def session_series(patient_id: str, weeks: int, until: str | None = None,
                   care_team: bool = False) -> dict:
    """Every session of the last `weeks` compiled weeks, oldest first, with its statistics."""
    names, current = _week_range(patient_id, weeks, until)
    sessions = []
    for week, report in sorted(_reports_by_week(patient_id, names).items()):
        for item in _view(report.summary, care_team).get("sessions", {}).get("items", []):
            sessions.append({"week": week, "partial": week == current, **item})
    return {"patient_id": patient_id, "sessions": sessions}
