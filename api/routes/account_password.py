"""Account security: change the password while signed in (issue #18)."""
from __future__ import annotations

from chalice import Blueprint

from api import context
from api.routing import route
from emotecare.accounts.password_change import change_password

bp = Blueprint(__name__)


@route(bp, "/me/password", methods=("PUT",), roles=("patient", "therapist", "admin"))
def change_my_password(call):
    return change_password(call.user, call.body, context.identity(), call.client_ip,
                           call.browser)
