"""Care relationships (request, accept, decline, discharge, end), the patient's access log,
and sharing a self-reflect session with the care team."""
from __future__ import annotations

from chalice import Blueprint

from api import context
from api.routing import route
from emotecare.care import access_log, relationships
from emotecare.fields import Fields
from emotecare.reports.compile import recompile_week_of
from emotecare.sessions import sharing

bp = Blueprint(__name__)


def _reason(body: dict) -> str:
    return Fields(body, ("reason",)).text("reason", max_len=500, min_len=0, default="")


@route(bp, "/me/care", roles=("patient",))
def my_care(call):
    return relationships.my_care(call.user)


@route(bp, "/me/care/{therapist_id}", methods=("DELETE",), roles=("patient",), status=200)
def end_care(call, therapist_id):
    return relationships.relationship_view(relationships.end_by_patient(call.user, therapist_id))


@route(bp, "/patients/{id}/care/accept", methods=("POST",), roles=("therapist",), status=200)
def accept(call, id):
    return relationships.relationship_view(relationships.accept(call.user, id))


@route(bp, "/patients/{id}/care/decline", methods=("POST",), roles=("therapist",), status=200)
def decline(call, id):
    return relationships.relationship_view(
        relationships.decline(call.user, id, _reason(call.body)))


@route(bp, "/patients/{id}/care/discharge", methods=("POST",), roles=("therapist",), status=200)
def discharge(call, id):
    return relationships.relationship_view(
        relationships.discharge(call.user, id, _reason(call.body)))


@route(bp, "/me/access-log", roles=("patient",))
def my_access_log(call):
    return access_log.my_access_log(call.user, call.query)


@route(bp, "/sessions/{session_id}/sharing", methods=("PUT",), roles=("patient",))
def share_session(call, session_id):
    return sharing.set_shared(call.user, session_id, call.body,
                              lambda session: recompile_week_of(session, context.settings()))
