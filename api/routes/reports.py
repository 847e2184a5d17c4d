"""Reports and trends: a patient's weekly reports, and the series a therapist charts.

Who reads what is `emotecare.care.access`'s decision; a therapist gets the care team's view
of each week (no private self-reflect sessions).
"""
from __future__ import annotations

from chalice import Blueprint

from api import context
from api.routing import route
from emotecare.care import access
from emotecare.reports import trends
from emotecare.reports.compile import report_files

bp = Blueprint(__name__)
_READERS = ("patient", "therapist")


def _care_team(call) -> bool:
    return call.user.role != "patient"


@route(bp, "/reports", roles=("patient",))
def own_reports(call):
    limit = trends.parse_weeks(call.query.get("limit"), "limit")
    return {"reports": trends.list_reports(call.user.user_id, limit)}


@route(bp, "/patients/{id}/reports", roles=_READERS)
def patient_reports(call, id):
    patient_id, keep = access.dated_filter(call.user, id, "reports")
    limit = trends.parse_weeks(call.query.get("limit"), "limit")
    return {"reports": trends.list_reports(patient_id, limit, _care_team(call), keep)}


@route(bp, "/reports/{patient_id}/{week}", roles=_READERS)
def one_report(call, patient_id, week):
    return trends.read_report_for(call.user, patient_id, week, report_files(context.settings()))


@route(bp, "/patients/{id}/trends", roles=_READERS)
def weekly_trends(call, id):
    patient_id = access.read_clinical(call.user, id, "trends")
    return trends.weekly_series(patient_id, trends.parse_weeks(call.query.get("weeks")),
                                call.query.get("until"), _care_team(call))


@route(bp, "/patients/{id}/sessions/series", roles=_READERS)
def sessions_series(call, id):
    patient_id = access.read_clinical(call.user, id, "trends")
    return trends.session_series(patient_id, trends.parse_weeks(call.query.get("weeks")),
                                 call.query.get("until"), _care_team(call))
