"""Reports and trends: a patient's weekly reports, and the series a therapist charts."""
from __future__ import annotations

from chalice import Blueprint

from api import context
from api.routing import route
from emotecare.reports import trends
from emotecare.reports.access import readable_patient
from emotecare.reports.compile import report_files

bp = Blueprint(__name__)
_READERS = ("patient", "therapist")


@route(bp, "/reports", roles=("patient",))
def own_reports(call):
    limit = trends.parse_weeks(call.query.get("limit"), "limit")
    return {"reports": trends.list_reports(call.user.user_id, limit)}


@route(bp, "/patients/{id}/reports", roles=_READERS)
def patient_reports(call, id):
    patient_id = readable_patient(call.user, id)
    limit = trends.parse_weeks(call.query.get("limit"), "limit")
    return {"reports": trends.list_reports(patient_id, limit)}


@route(bp, "/reports/{patient_id}/{week}", roles=_READERS)
def one_report(call, patient_id, week):
    patient_id = readable_patient(call.user, patient_id)
    return trends.read_report(patient_id, week, report_files(context.settings()))


@route(bp, "/patients/{id}/trends", roles=_READERS)
def weekly_trends(call, id):
    patient_id = readable_patient(call.user, id)
    return trends.weekly_series(patient_id, trends.parse_weeks(call.query.get("weeks")),
                                call.query.get("until"))


@route(bp, "/patients/{id}/sessions/series", roles=_READERS)
def sessions_series(call, id):
    patient_id = readable_patient(call.user, id)
    return trends.session_series(patient_id, trends.parse_weeks(call.query.get("weeks")),
                                 call.query.get("until"))
