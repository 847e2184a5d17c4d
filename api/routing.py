"""Route registration with authentication and domain-error translation in one place.

`route(bp, path, ...)` registers a view that receives a `Call` (who, body, query) and the
URL parameters. Domain errors become JSON `{"error": …}` responses with the right status;
anything unexpected becomes a logged 500 with no stack trace for the client.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any, Callable
from urllib.parse import unquote

from chalice import Blueprint, CORSConfig, Response

from api import context
from api.body import parse_json_object
from emotecare.accounts.standing import check_account, writing
from emotecare.accounts.tokens import Principal
from emotecare.errors import (
    AuthenticationError,
    ConflictError,
    EmoteCareError,
    ForbiddenError,
    NotFoundError,
    PaymentError,
    SettingsError,
    TooManyRequestsError,
    ValidationError,
)
from emotecare.log import get_logger
from emotecare.settings import cors_allow_origin

logger = get_logger("api")

_STATUS = {
    ValidationError: 400,
    AuthenticationError: 401,
    ForbiddenError: 403,
    NotFoundError: 404,
    ConflictError: 409,
    PaymentError: 402,
    TooManyRequestsError: 429,
}
CORS = CORSConfig(allow_origin=cors_allow_origin(), allow_headers=["Authorization", "Content-Type"],
                  max_age=600)


@dataclass
class Call:
    """What a view needs from the request: the caller, the JSON body and the query."""

    principal: Principal | None
    body: dict[str, Any] = field(default_factory=dict)
    query: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    raw_body: bytes = b""  # exactly as sent (webhook signatures cover these bytes)
    client_ip: str = ""  # API Gateway's sourceIp (per-address limits)

    @property
    def browser(self) -> str:
        """The client's User-Agent (with the address, an unknown client's identity)."""
        return next((v for k, v in self.headers.items() if k.lower() == "user-agent"), "")[:256]

    @property
    def user(self) -> Principal:
        if self.principal is None:
            raise AuthenticationError("sign in first")
        return self.principal


def error_response(status: int, message: str, **extra: Any) -> Response:
    return Response(body={"error": message, **extra}, status_code=status,
                    headers={"Content-Type": "application/json"})


def _status_for(exc: EmoteCareError) -> int:
    for cls in type(exc).__mro__:
        if cls in _STATUS:
            return _STATUS[cls]
    return 400


def _parse_body(request) -> dict[str, Any]:
    return parse_json_object(request.raw_body or b"")


def _client_ip(request) -> str:
    return str(((request.context or {}).get("identity") or {}).get("sourceIp") or "")[:64]


def _authenticate(request, optional: bool) -> Principal | None:
    header = (request.headers or {}).get("authorization", "")
    if not header:
        if optional:
            return None
        raise AuthenticationError("sign in first: missing Authorization header")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise AuthenticationError("Authorization header must be 'Bearer <token>'")
    return context.token_verifier().verify(token.strip())


def route(bp: Blueprint, path: str, methods: tuple[str, ...] = ("GET",),
          roles: tuple[str, ...] | None = None, public: bool = False,
          optional_auth: bool = False, status: int | None = None,
          writes: bool | None = None) -> Callable:
    """Register `view(call, **url_params)` on `bp` for `path`.

    `public` skips authentication; `roles` limits the route to those roles (403 otherwise).
    `writes`: whether the view stores anything of the caller's (default: every method but
    GET); a GET that writes (marking messages read) says so, so an erasure refuses and
    drains it like any other write.
    `status` is the success status when the view returns data (default: 201 for POST, else
    200); a view returning None answers 204.
    """

    def decorate(view: Callable) -> Callable:
        @bp.route(path, methods=list(methods), cors=CORS)
        @functools.wraps(view)
        def handler(**url_params):
            request = bp.current_request
            url_params = decode_path_params(url_params)
            # Every log line of this request carries its id, route and (once known) caller.
            logger.thread_safe_clear_keys()
            logger.thread_safe_append_keys(
                request_id=(request.context or {}).get("requestId"), route=path,
                session_id=url_params.get("session_id"))
            try:
                context.settings()
                principal = None if public else _authenticate(request, optional_auth)
                if principal is not None:
                    logger.thread_safe_append_keys(user_id=principal.user_id)
                    # A valid token outlives a deleted or disabled account by up to an hour.
                    check_account(principal, context.identity)
                if roles and (principal is None or principal.role not in roles):
                    raise ForbiddenError(f"only {', '.join(roles)} accounts may do this")
                call = Call(principal=principal, body=_parse_body(request),
                            query=dict(request.query_params or {}),
                            headers=dict(request.headers or {}),
                            raw_body=request.raw_body or b"",
                            client_ip=_client_ip(request))
                if principal is not None and (request.method != "GET" if writes is None
                                              else writes):
                    # Counted in flight and refused once the account's erasure has begun.
                    with writing(principal):
                        result = view(call, **url_params)
                else:
                    result = view(call, **url_params)
            except EmoteCareError as exc:
                if isinstance(exc, SettingsError):
                    logger.error("misconfigured", extra={"reason": str(exc)})
                    return error_response(500, "service misconfigured")
                extra = {"field": exc.field} if getattr(exc, "field", None) else {}
                response = error_response(_status_for(exc), str(exc), **extra)
                if isinstance(exc, TooManyRequestsError):
                    response.headers["Retry-After"] = str(exc.retry_after_s)
                return response
            except Exception:
                logger.exception("unhandled error", extra={"path": path})
                return error_response(500, "internal error")
            if isinstance(result, Response):
                return result
            ok = status or (201 if request.method == "POST" else 200)
            return Response(body=result if result is not None else "", status_code=(
                204 if result is None else ok))

        return handler

    return decorate


def decode_path_params(url_params: dict[str, str]) -> dict[str, str]:
    """Percent-decode path parameters once, here, for every route.

    API Gateway (REST) hands Lambda the path parameters as the client sent them, still
    percent-encoded, and so do `chalice local` and Chalice itself (aws/chalice#511). A page
    that sends an id with `encodeURIComponent` (`%3A` for the colons of a time id) must reach
    the view as the id, so views never see an encoded value. `+` stays a plus: in a path it is
    not a space.
    """
    return {name: unquote(value) if isinstance(value, str) else value
            for name, value in url_params.items()}


_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def answer_wrong_methods(app) -> None:
    """Give every path a JSON 405 (with `Allow`) for the methods it does not serve.

    API Gateway answers an undeclared method on a known path with 403 "Missing
    Authentication Token", and Chalice's own 405 is not our error format; declaring the
    other methods explicitly gives the same JSON 405 deployed and locally.
    """
    for number, (path, entries) in enumerate(sorted(app.routes.items())):
        missing = [m for m in _METHODS if m not in entries]
        if not missing or path.endswith("+}"):
            continue
        allowed = ", ".join(sorted(m for m in entries if m in _METHODS))

        def method_not_allowed(_allowed=allowed, **_url_params):
            response = error_response(405, f"method not allowed here; use {_allowed}")
            response.headers["Allow"] = _allowed
            return response

        app.route(path, methods=missing, cors=CORS,
                  name=f"method_not_allowed_{number}")(method_not_allowed)
