"""Assemble a patient's weekly summary (the data stored in `Report.summary`).

The summary is plain JSON: the HTML report, the charts and the trends API all read it,
so a report can be re-rendered without touching the raw records again.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from emotecare.pipeline.smoothing import SmoothingRules
from emotecare.plans.report_section import plan_section
from emotecare.reports import stats
from emotecare.reports.sources import QUESTIONNAIRE_KINDS, WeekRows, load_week
from emotecare.sessions.sharing import CARE_TEAM, is_private
from emotecare.weeks import to_utc_text, week_bounds_utc, week_days

SUMMARY_VERSION = 1
# The numbers compared week over week (`deltas`), and where each lives in a summary.
HEADLINE = {
    "sessions_attended": ("sessions", "attended"),
    "self_reflect_sessions": ("sessions", "self_reflect"),
    "frames": ("emotions", "frames"),
    "mean_valence": ("emotions", "mean_valence"),
    "face_share": ("emotions", "face_share"),
    "journal_entries": ("journal", "entries"),
    "mood_average": ("journal", "mood_average"),
    "phq9": ("questionnaires", "phq9", "score"),
    "gad7": ("questionnaires", "gad7", "score"),
    "safety_events": ("safety", "events"),
}


def build_summary(patient_id: str, time_zone: str, week: str, now: datetime,
                  rules: SmoothingRules) -> dict:
    """Compile `week` (Monday–Sunday in `time_zone`) from the tables; no week-over-week deltas.

    The care team's view (`summary["care_team"]`, what a therapist reads) is the same week
    without the self-reflect sessions the patient has not shared.
    """
    start, end = week_bounds_utc(week, time_zone)
    rows = load_week(patient_id, start, end)
    views = []
    for view_rows in (rows, care_team_rows(rows)):
        summary = summarise(view_rows, patient_id, time_zone, week, complete=end <= now, now=now,
                            rules=rules)
        summary["plan"] = plan_section(patient_id, summary)  # the treatment plan's goals that week
        views.append(summary)
    patient_view, care_view = views
    patient_view[CARE_TEAM] = care_view
    return patient_view


def care_team_rows(rows: WeekRows) -> WeekRows:
    """The week's rows without the patient's private (unshared self-reflect) sessions."""
    private = {s.session_id for s in rows.sessions if is_private(s)}
    return replace(rows, sessions=[s for s in rows.sessions if s.session_id not in private],
                   records=[r for r in rows.records if r.session_id not in private])


def summarise(rows: WeekRows, patient_id: str, time_zone: str, week: str, *, complete: bool,
              now: datetime, rules: SmoothingRules) -> dict:
    """The summary of already-loaded rows (separate from loading so tests can hand it rows)."""
    zone = ZoneInfo(time_zone)
    days = week_days(week)
    start, end = week_bounds_utc(week, time_zone)
    by_session = defaultdict(list)
    for record in rows.records:
        by_session[record.session_id].append(record)
    sessions = [stats.session_stats(s, by_session[s.session_id], zone, rules) for s in rows.sessions]
    summary = {
        "version": SUMMARY_VERSION,
        "patient_id": patient_id,
        "week": week,
        "time_zone": time_zone,
        "period": {"first_day": days[0].isoformat(), "last_day": days[-1].isoformat(),
                   "start_utc": to_utc_text(start), "end_utc": to_utc_text(end)},
        "complete": complete,
        "compiled_at": to_utc_text(now),
        "sessions": {
            "attended": sum(1 for s in sessions if s["kind"] == "therapy"),
            "self_reflect": sum(1 for s in sessions if s["kind"] == "self_reflect"),
            "items": sessions,
        },
        "emotions": stats.emotion_stats(rows.records),
        "daily_valence": stats.daily_valence(rows.records, days, zone),
        "journal": stats.journal_stats(rows.journal, days, zone),
        "questionnaires": {kind: stats.questionnaire_stats(rows.questionnaires.get(kind, []),
                                                           rows.earlier_questionnaires.get(kind))
                           for kind in QUESTIONNAIRE_KINDS},
        "safety": stats.safety_stats(rows.safety_events, zone),
    }
    summary["empty"] = not (rows.sessions or rows.records or rows.journal or rows.safety_events
                            or any(rows.questionnaires.values()))
    return summary


def headline(summary: dict) -> dict:
    """The week's comparable numbers (None where the week had none)."""
    values = {}
    for name, path in HEADLINE.items():
        value = summary
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        values[name] = value
    return values


def week_over_week(current: dict, previous: dict | None, previous_week: str) -> dict:
    """Change of each headline number since `previous_week` (None where either side lacks it)."""
    now_values = headline(current)
    before = headline(previous) if previous else {}
    changes = {}
    for name, value in now_values.items():
        old = before.get(name)
        changes[name] = None if value is None or old is None else round(value - old, 4)
    return {"previous_week": previous_week, "previous": before or None, "changes": changes}
