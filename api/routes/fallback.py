"""Unknown paths answer 404 with a JSON message (API Gateway alone would say 403)."""
from __future__ import annotations

from chalice import Blueprint

from api.routing import CORS, error_response

bp = Blueprint(__name__)


@bp.route("/{proxy+}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"], cors=CORS)
def unknown_route(proxy: str = ""):
    return error_response(404, f"no such route: /{proxy}")
