"""The waiting room: tell each side the other is already in the session room (issue #18)."""
from __future__ import annotations

from chalice import Blueprint

from api.routing import route
from emotecare.sessions.waiting import waiting_for

bp = Blueprint(__name__)


@route(bp, "/waiting-room", roles=("patient", "therapist"))
def who_is_waiting(call):
    return waiting_for(call.user)
