"""The validation error the between-session domain packages raise (field first).

It is the platform's `emotecare.errors.ValidationError`, so the API maps both spellings to
a 400 naming the field in the same place; it stays a ValueError for callers that expect one.
"""
from __future__ import annotations

from emotecare.errors import ValidationError as _PlatformValidationError


class ValidationError(_PlatformValidationError, ValueError):
    """Input that breaks a domain rule; `field` names the offending field for the client."""

    def __init__(self, field: str, message: str, *, sentence: bool = False):
        # `sentence=True`: `message` is already a whole sentence written for the person at the
        # form ("Your entry is too long…"), shown as it is rather than as "field: message".
        super().__init__(message if sentence else f"{field}: {message}", field=field)
        self.message = message
