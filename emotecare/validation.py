"""The validation error the between-session domain packages raise (field first).

It is the platform's `emotecare.errors.ValidationError`, so the API maps both spellings to
a 400 naming the field in the same place; it stays a ValueError for callers that expect one.
"""
from __future__ import annotations

from emotecare.errors import ValidationError as _PlatformValidationError


class ValidationError(_PlatformValidationError, ValueError):
    """Input that breaks a domain rule; `field` names the offending field for the client."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}", field=field)
        self.message = message
