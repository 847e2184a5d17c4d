"""The one validation error every domain area raises, so the API maps it to 400 in one place."""
from __future__ import annotations


class ValidationError(ValueError):
    """Input that breaks a domain rule; `field` names the offending field for the client."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
