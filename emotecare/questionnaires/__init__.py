"""PHQ-9 and GAD-7: items, scoring, severity bands, item-9 crisis flag and due dates.

API layer entry points: `get_instrument(id).to_dict()` to render a form,
`score_answers(id, answers)` to score a submission (raises `ValidationError`),
`build_item9_crisis(result, country)` for the crisis reply and safety event on PHQ-9 item 9,
`find_due_status(now, last_completed_at, cadence_days, first_session_at)` for reminders.
"""
from emotecare.questionnaires.crisis import build_item9_crisis
from emotecare.questionnaires.errors import UnknownInstrumentError, ValidationError
from emotecare.questionnaires.instruments import (ANSWER_OPTIONS, GAD7, INSTRUMENTS, PHQ9, PHQ9_DIFFICULTY_OPTIONS,
                                                  PHQ9_DIFFICULTY_QUESTION, Band, Instrument, find_band,
                                                  get_instrument)
from emotecare.questionnaires.schedule import (DEFAULT_CADENCE_DAYS, DueStatus, find_due_status,
                                               validate_cadence)
from emotecare.questionnaires.scoring import QuestionnaireResult, score_answers, validate_answers

__all__ = [
    "build_item9_crisis", "ANSWER_OPTIONS", "DEFAULT_CADENCE_DAYS", "GAD7", "INSTRUMENTS", "PHQ9", "PHQ9_DIFFICULTY_OPTIONS",
    "PHQ9_DIFFICULTY_QUESTION", "Band", "DueStatus", "Instrument", "QuestionnaireResult",
    "UnknownInstrumentError", "ValidationError", "find_band", "find_due_status", "get_instrument",
    "score_answers", "validate_answers", "validate_cadence",
]
