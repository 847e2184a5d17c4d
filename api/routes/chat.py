"""Chat with the assistant (safety check first), the patient's conversations, safety events."""
from __future__ import annotations

from chalice import Blueprint

from api import context
from api.routing import route
from emotecare.chat import exchange
from emotecare.escalation import acknowledge, alert, events

bp = Blueprint(__name__)


@route(bp, "/chat/messages", methods=("POST",), roles=("patient",), status=200)
def send_message(call):
    return exchange.send_message(call.user, call.body, context.chat_service())


@route(bp, "/chat/conversations", roles=("patient",))
def list_conversations(call):
    return exchange.list_conversations(call.user)


@route(bp, "/chat/conversations/{conversation_id}", roles=("patient",))
def read_conversation(call, conversation_id):
    return exchange.read_conversation(call.user, conversation_id)


@route(bp, "/chat/conversations/{conversation_id}", methods=("DELETE",), roles=("patient",))
def delete_conversation(call, conversation_id):
    exchange.delete_conversation(call.user, conversation_id)


@route(bp, "/safety-events/{event_id}/alert-therapist", methods=("POST",), roles=("patient",),
       status=200)
def alert_my_therapist(call, event_id):
    return alert.alert_therapist(call.user, event_id, context.mailer(), context.settings().frontend_url)


@route(bp, "/safety-events", roles=("therapist",))
def list_safety_events(call):
    return events.therapist_dashboard(call.user.user_id, call.query)


@route(bp, "/safety-events/{event_id}/acknowledge", methods=("POST",), roles=("therapist",),
       status=200)
def acknowledge_safety_event(call, event_id):
    return acknowledge.acknowledge_event(call.user, event_id)
