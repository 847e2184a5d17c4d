"""When a patient is next asked to fill in PHQ-9 and GAD-7.

Every two weeks by default (both ask about "the last 2 weeks"), at a cadence the therapist
can change, and always before a first session so the therapist starts with a baseline.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from emotecare.questionnaires.errors import ValidationError

DEFAULT_CADENCE_DAYS = 14
MIN_CADENCE_DAYS = 7  # shorter than a week adds burden without new information
MAX_CADENCE_DAYS = 90
# A baseline older than this is stale for a first session.
BASELINE_FRESH_DAYS = 14


@dataclass(frozen=True)
class DueStatus:
    """Whether a questionnaire is due now, and from when."""

    due: bool
    due_at: datetime
    reason: str  # "never_completed" | "before_first_session" | "cadence"

    def to_dict(self) -> dict:
        """Return the JSON-ready form."""
        return {"due": self.due, "due_at": self.due_at.isoformat(), "reason": self.reason}


def validate_cadence(days) -> int:
    """Return a therapist-chosen cadence in days, or raise `ValidationError` on `cadence_days`."""
    if isinstance(days, bool) or not isinstance(days, int):
        raise ValidationError("cadence_days: must be a whole number of days", field="cadence_days")
    if not MIN_CADENCE_DAYS <= days <= MAX_CADENCE_DAYS:
        raise ValidationError(f"cadence_days: must be between {MIN_CADENCE_DAYS} and {MAX_CADENCE_DAYS}", field="cadence_days")
    return days


def find_due_status(now: datetime, last_completed_at: datetime | None,
                    cadence_days: int = DEFAULT_CADENCE_DAYS,
                    first_session_at: datetime | None = None) -> DueStatus:
    """Return when the next questionnaire is due, given the last completion and the cadence.

    `first_session_at` is the start of the patient's first session if it has not happened
    yet; pass None once it has.
    """
    cadence = validate_cadence(cadence_days)
    if last_completed_at is None:
        return DueStatus(due=True, due_at=first_session_at or now, reason="never_completed")
    if first_session_at is not None and first_session_at > now:
        if last_completed_at < first_session_at - timedelta(days=BASELINE_FRESH_DAYS):
            return DueStatus(due=True, due_at=first_session_at, reason="before_first_session")
    due_at = last_completed_at + timedelta(days=cadence)
    return DueStatus(due=now >= due_at, due_at=due_at, reason="cadence")
