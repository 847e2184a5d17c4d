"""Safety alerts: the patient asks for their therapist; the therapist lists, acknowledges,
marks "not a crisis", exports, and reads how to reach the patient."""
from __future__ import annotations

from chalice import Blueprint, Response

from api import context
from api.routing import route
from emotecare.escalation import acknowledge, alert, contact, events, verdict

bp = Blueprint(__name__)


@route(bp, "/safety-events/{event_id}/alert-therapist", methods=("POST",), roles=("patient",),
       status=200)
def alert_my_therapist(call, event_id):
    return alert.alert_therapist(call.user, event_id, context.mailer(), context.settings().frontend_url)


@route(bp, "/safety-events", roles=("therapist",))
def list_safety_events(call):
    return events.therapist_dashboard(call.user.user_id, call.query)


@route(bp, "/safety-events/export", roles=("therapist",))
def export_safety_events(call):
    return Response(body=verdict.export_csv(call.user), status_code=200, headers={
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="emotecare-safety-alerts.csv"'})


@route(bp, "/safety-events/{event_id}/acknowledge", methods=("POST",), roles=("therapist",),
       status=200)
def acknowledge_safety_event(call, event_id):
    return acknowledge.acknowledge_event(call.user, event_id)


@route(bp, "/safety-events/{event_id}/not-a-crisis", methods=("POST",), roles=("therapist",),
       status=200)
def mark_not_a_crisis(call, event_id):
    return verdict.mark_not_a_crisis(call.user, event_id, call.body)


@route(bp, "/patients/{id}/contact", roles=("therapist",))
def patient_contact(call, id):  # {id}: one variable name per path level (API Gateway)
    return contact.patient_contact(call.user, id)
