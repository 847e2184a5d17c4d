"""Errors raised by the questionnaire domain, named for the API layer to map to 400."""
from __future__ import annotations


class ValidationError(ValueError):
    """Input that breaks a questionnaire rule; `field` names the offending field."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class UnknownInstrumentError(KeyError):
    """A questionnaire id that is not PHQ-9 or GAD-7."""
