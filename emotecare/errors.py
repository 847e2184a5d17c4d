"""Domain errors. Domain code raises these; the API maps them to HTTP in one place
(`_STATUS` in `api/routing.py`), the CLI prints them as one line, event handlers log and
re-raise."""
from __future__ import annotations


class EmoteCareError(Exception):
    """Base of every error the domain raises on purpose."""


class SettingsError(EmoteCareError):
    """A required setting is missing or malformed."""


class ValidationError(EmoteCareError):
    """Input is malformed; `field` names the offending field when there is one."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class AuthenticationError(EmoteCareError):
    """No credentials, or credentials that do not verify (HTTP 401)."""


class ForbiddenError(EmoteCareError):
    """The caller is known but may not do this (HTTP 403)."""


class NotFoundError(EmoteCareError):
    """The thing does not exist, or the caller may not know that it does (HTTP 404)."""


class ConflictError(EmoteCareError):
    """The request conflicts with current state, e.g. a slot already taken (HTTP 409)."""


class PaymentError(EmoteCareError):
    """The card was declined or the payment cannot go ahead (HTTP 402)."""


class TooManyRequestsError(EmoteCareError):
    """Too many attempts in a while (HTTP 429); `retry_after_s` says when to try again."""

    def __init__(self, message: str, retry_after_s: int):
        super().__init__(message)
        self.retry_after_s = max(1, int(retry_after_s))


class BatchRejectedError(EmoteCareError):
    """A frame batch that must not be processed (bad key, size, format or consent)."""
