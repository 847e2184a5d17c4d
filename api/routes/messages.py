"""Secure messaging between a patient and their therapist (issue #18)."""
from __future__ import annotations

from chalice import Blueprint

from api import context
from api.routing import route
from emotecare.messaging import threads

bp = Blueprint(__name__)
_PEOPLE_IN_CARE = ("patient", "therapist")  # admins never read clinical messages


@route(bp, "/messages/threads", roles=_PEOPLE_IN_CARE)
def list_threads(call):
    return threads.list_threads(call.user)


@route(bp, "/messages/threads/{user_id}", roles=_PEOPLE_IN_CARE, writes=True)  # marks read
def read_thread(call, user_id):
    return threads.read_thread(call.user, user_id, call.query)


@route(bp, "/messages/threads/{user_id}", methods=("POST",), roles=_PEOPLE_IN_CARE)
def send_message(call, user_id):
    return threads.send_message(call.user, user_id, call.body, context.mailer(),
                                context.settings().frontend_url)
