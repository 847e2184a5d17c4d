"""Every blueprint of the API and the scheduled/queue functions Chalice deploys."""
from __future__ import annotations

import importlib

from chalice import Chalice

from api.routing import answer_wrong_methods

# Each module defines `bp = Blueprint(__name__)`. Add new areas here.
_BLUEPRINT_MODULES = [
    "api.routes.health",
    "api.routes.sessions",
    "api.routes.fallback",
    "api.routes.accounts",
    "api.routes.therapists",
    "api.routes.bookings",
    "api.routes.reports",
    "api.routes.chat",
    "api.routes.safety",
    "api.routes.journal",
    "api.routes.questionnaires",
    "api.routes.resources",
    "api.routes.messages",  # issue #18: messaging, waiting room, password
    "api.routes.waiting_room",
    "api.routes.account_password",
    "api.routes.plans",
    "api.routes.payments",
    "api.routes.care",  # issue #24: care relationships, access log, sharing
    "functions.schedules",
]


def register_blueprints(app: Chalice) -> None:
    for name in _BLUEPRINT_MODULES:
        app.register_blueprint(importlib.import_module(name).bp)
    answer_wrong_methods(app)  # after every route is known
