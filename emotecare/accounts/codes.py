"""One-time codes for e-mail verification and password reset, stored hashed.

Six digits, valid for a limited time, at most `MAX_ATTEMPTS` guesses, used once. We issue
them ourselves (and mail them through SES) so production and the local stack behave alike.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from pynamodb.exceptions import DeleteError, DoesNotExist, UpdateError

from emotecare.clock import iso_seconds, utc_now
from emotecare.db.care import OneTimeCode
from emotecare.errors import ValidationError

MAX_ATTEMPTS = 5
LIFETIMES = {"verify": timedelta(hours=24), "reset": timedelta(hours=1),
             "signin": timedelta(minutes=15)}

# Messages for people: the form shows them next to the code field as they are.
NO_CODE_MESSAGE = ("That code has expired or was not sent to this email. Check the email address, "
                   "then ask for a new code.")


def _key(purpose: str, email: str) -> str:
    return f"{purpose}#{email.lower()}"


def _hash(code: str, salt: str) -> str:
    return hashlib.sha256(f"{salt}:{code}".encode()).hexdigest()


def issue_code(purpose: str, email: str) -> str:
    """Create (or replace) the code for `email`; return it for mailing."""
    code = f"{secrets.randbelow(10**6):06d}"
    salt = secrets.token_hex(16)
    now = utc_now()
    OneTimeCode(_key(purpose, email), code_hash=_hash(code, salt), salt=salt, attempts=0,
                created_at=iso_seconds(now), expires_at=now + LIFETIMES[purpose]).save()
    return code


def consume_code(purpose: str, email: str, code: str) -> None:
    """Accept `code` once, or raise `ValidationError` on the `code` field."""
    try:
        stored = OneTimeCode.get(_key(purpose, email))
    except DoesNotExist as exc:
        raise ValidationError(NO_CODE_MESSAGE, field="code") from exc
    if stored.expires_at <= utc_now():
        raise ValidationError("That code has expired. Ask for a new one and type the code from the newest email.", field="code")
    try:
        # Count the guess atomically first, so parallel guesses cannot exceed the limit.
        stored.update(actions=[OneTimeCode.attempts.add(1)],
                      condition=OneTimeCode.attempts < MAX_ATTEMPTS)
    except UpdateError as exc:
        raise ValidationError("Too many wrong tries with that code. Ask for a new one and type the code from the newest email.", field="code") from exc
    if not hmac.compare_digest(stored.code_hash, _hash(code.strip(), stored.salt)):
        raise ValidationError("That code is not right. Check the newest email from us and type its 6 digits again.", field="code")
    try:
        stored.delete(condition=OneTimeCode.code_hash == stored.code_hash)
    except DeleteError as exc:  # used or replaced meanwhile
        raise ValidationError("That code has already been used. Ask for a new one if you still need it.", field="code") from exc


def discard_codes(email: str) -> None:
    for purpose in LIFETIMES:
        try:
            OneTimeCode.get(_key(purpose, email)).delete()
        except DoesNotExist:
            pass
