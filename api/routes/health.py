"""GET /health: every component's state; 200 only when all are up."""
from __future__ import annotations

from chalice import Blueprint, Response

from api import context
from api.routing import route
from emotecare.health import check_health

bp = Blueprint(__name__)


@route(bp, "/health", public=True)
def health(call):
    report = check_health(context.settings())
    return Response(body=report, status_code=200 if report["ok"] else 503)
