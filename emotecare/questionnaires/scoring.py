"""Score a completed PHQ-9 or GAD-7 and flag the answers that start the crisis flow."""
from __future__ import annotations

from dataclasses import dataclass

from emotecare.questionnaires.errors import ValidationError
from emotecare.questionnaires.instruments import Instrument, find_band, get_instrument


@dataclass(frozen=True)
class QuestionnaireResult:
    """A scored submission, ready to store and chart."""

    instrument: str
    answers: tuple[int, ...]
    total: int
    severity: str
    crisis: bool
    crisis_reason: str | None = None

    def to_dict(self) -> dict:
        """Return the JSON-ready form."""
        return {"instrument": self.instrument, "answers": list(self.answers), "total": self.total,
                "severity": self.severity, "crisis": self.crisis, "crisis_reason": self.crisis_reason}


def score_answers(instrument_id: str, answers) -> QuestionnaireResult:
    """Validate and score `answers`: one 0-3 value (or its exact option label) per item, in order.

    Raises `ValidationError` naming `answers` (wrong shape or count) or `answers[i]`
    (a value out of range), and `UnknownInstrumentError` for an unknown id.
    """
    instrument = get_instrument(instrument_id)
    values = validate_answers(instrument, answers)
    total = sum(values)
    crisis = instrument.crisis_item is not None and values[instrument.crisis_item] > 0
    reason = None
    if crisis:
        # PHQ-9 item 9 asks about thoughts of being better off dead or of self-harm: any
        # frequency at all needs a same-day human check, whatever the total score.
        reason = f"{instrument.name} item {instrument.crisis_item + 1} answered " \
                 f"'{instrument.options[values[instrument.crisis_item]]}'"
    return QuestionnaireResult(instrument=instrument.id, answers=tuple(values), total=total,
                               severity=find_band(instrument, total).label, crisis=crisis, crisis_reason=reason)


def validate_answers(instrument: Instrument, answers) -> list[int]:
    """Return the answers as ints 0-3, or raise `ValidationError` naming the bad field."""
    if isinstance(answers, (str, bytes, dict)) or not hasattr(answers, "__len__"):
        raise ValidationError(f"answers: must be a list of {len(instrument.items)} answers", field="answers")
    if len(answers) != len(instrument.items):
        raise ValidationError(f"answers: {instrument.name} needs {len(instrument.items)} answers, "
                              f"got {len(answers)}", field="answers")
    return [_to_value(instrument, index, answer) for index, answer in enumerate(answers)]


def _to_value(instrument: Instrument, index: int, answer) -> int:
    field = f"answers[{index}]"
    if isinstance(answer, str) and answer in instrument.options:
        return instrument.options.index(answer)
    # bool is an int subclass; True must not pass as "Several days".
    if isinstance(answer, bool) or not isinstance(answer, int):
        raise ValidationError(f"{field}: item {index + 1} must be an integer 0-3 or one of {list(instrument.options)}", field=field)
    if not 0 <= answer <= 3:
        raise ValidationError(f"{field}: item {index + 1} must be between 0 and 3, got {answer}", field=field)
    return answer
