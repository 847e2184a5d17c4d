"""Errors raised by the questionnaire domain, named for the API layer to map to 4xx."""
from __future__ import annotations

from emotecare.errors import NotFoundError, ValidationError

__all__ = ["UnknownInstrumentError", "ValidationError"]


class UnknownInstrumentError(NotFoundError):
    """A questionnaire id that is not PHQ-9 or GAD-7."""

    def __init__(self, instrument_id: object):
        super().__init__(f"no such questionnaire {str(instrument_id)[:40]!r}: use phq9 or gad7")
        self.instrument_id = instrument_id
