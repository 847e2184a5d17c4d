"""Clients that have signed in to an account before, proved by a `device_token`.

A successful sign-in returns a random token; the client keeps it (the web front end in
localStorage) and sends it with its next sign-in. A valid one means "this client has
signed in as this account before": its wrong passwords are counted for that device alone,
so a stranger's guesses, which use up the allowance of unknown clients, never lock it out
(`throttle.sign_in_attempt`). Only a hash of e-mail and token is stored.
"""
from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from pynamodb.exceptions import DoesNotExist

from emotecare.clock import utc_now
from emotecare.db.throttle import KnownDevice

KNOWN_FOR = timedelta(days=90)


def _key(email: str, token: str) -> str:
    return hashlib.sha256(f"{email.strip().lower()}\n{token}".encode()).hexdigest()


def is_known(email: str, token: str | None) -> bool:
    """Whether `token` was handed to a client that signed in as `email`, and is unexpired."""
    if not token:
        return False
    try:
        device = KnownDevice.get(_key(email, token))
    except DoesNotExist:
        return False
    return device.expires_at > utc_now()


def remember(email: str, token: str | None) -> str:
    """After a successful sign-in: renew `token` when it is known, else issue a new one."""
    token = token if token and is_known(email, token) else secrets.token_urlsafe(32)
    KnownDevice(_key(email, token), expires_at=utc_now() + KNOWN_FOR).save()
    return token
