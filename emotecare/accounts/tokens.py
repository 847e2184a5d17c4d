"""Verify Cognito ID tokens ourselves: signature (pool JWKS), expiry, audience, issuer, use.

API Gateway's Cognito authorizer is not enforced by `chalice local` or Chalice's test
client, so the API never trusts a token it has not verified here.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass

import jwt

from emotecare.errors import AuthenticationError
from emotecare.settings import Settings

ROLES = ("admin", "therapist", "patient")  # the first group found in this order is the role


@dataclass(frozen=True)
class Principal:
    """Who is calling: the Cognito `sub`, their email and their role."""

    user_id: str
    email: str
    role: str
    groups: tuple[str, ...] = ()


class TokenVerifier:
    """Verifies ID tokens of one user pool; the JWKS is fetched lazily and cached."""

    def __init__(self, settings: Settings):
        self._settings = settings
        self._jwks: jwt.PyJWKClient | None = None
        self._lock = threading.Lock()

    def _signing_key(self, token: str):
        with self._lock:
            if self._jwks is None:
                self._jwks = jwt.PyJWKClient(self._settings.resolved_jwks_url, cache_keys=True,
                                             lifespan=3600, timeout=5)
        return self._jwks.get_signing_key_from_jwt(token).key

    def verify(self, token: str) -> Principal:
        """Return the token's principal, or raise `AuthenticationError` saying why not."""
        try:
            claims = jwt.decode(
                token, self._signing_key(token), algorithms=["RS256"],
                audience=self._settings.user_pool_client_id,
                issuer=self._settings.resolved_issuer,
                options={"require": ["exp", "iat", "sub", "aud", "iss", "token_use"]},
                leeway=5,
            )
        except jwt.ExpiredSignatureError as exc:
            raise AuthenticationError("token expired: sign in again") from exc
        except (jwt.PyJWTError, jwt.PyJWKClientError) as exc:
            raise AuthenticationError(f"invalid token: {exc}") from exc
        if claims.get("token_use") != "id":
            raise AuthenticationError("invalid token: an ID token is required")
        groups = tuple(claims.get("cognito:groups") or ())
        role = next((r for r in ROLES if r in groups), "")
        if not role:
            raise AuthenticationError("account has no role yet")
        return Principal(user_id=claims["sub"], email=claims.get("email", ""), role=role,
                         groups=groups)
