"""Chat with the assistant (safety check first) and the patient's conversations."""
from __future__ import annotations

from chalice import Blueprint

from api import context
from api.routing import route
from emotecare.chat import exchange

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
