"""PHQ-9 and GAD-7: forms, submissions (item 9 starts the crisis flow), history, due, cadence."""
from __future__ import annotations

from chalice import Blueprint

from api.routing import route
from emotecare.questionnaires import measurement

bp = Blueprint(__name__)


@route(bp, "/questionnaires/responses", roles=("patient", "therapist"))
def history(call):
    return measurement.history(call.user, call.query)


@route(bp, "/questionnaires/due", roles=("patient",))
def due(call):
    return measurement.due(call.user)


@route(bp, "/questionnaires/{kind}")
def show_form(call, kind):
    return measurement.show_form(kind)


@route(bp, "/questionnaires/{kind}/responses", methods=("POST",), roles=("patient",))
def submit(call, kind):
    return measurement.submit(call.user, kind, call.body)


@route(bp, "/patients/{patient_id}/questionnaire-cadence", methods=("PUT",), roles=("therapist",))
def set_cadence(call, patient_id):
    return measurement.set_cadence(call.user, patient_id, call.body)
