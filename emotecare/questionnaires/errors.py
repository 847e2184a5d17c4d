"""Errors raised by the questionnaire domain, named for the API layer to map to 4xx."""
from __future__ import annotations

from emotecare.validation import ValidationError

__all__ = ["UnknownInstrumentError", "ValidationError"]


class UnknownInstrumentError(KeyError):
    """A questionnaire id that is not PHQ-9 or GAD-7."""
