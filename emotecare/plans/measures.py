"""Weekly values of a goal's measure, read from what the product already stores.

Key-range queries only, as the weekly reports do: questionnaires by `kind#time`, journal
entries and plan entries by their time-ordered range keys, emotion records through the
`by-patient-time` index. Weeks are ISO weeks on the patient's own calendar.

Per week: PHQ-9 / GAD-7 take the week's last score (as the weekly report does), `mood` the
mean of the week's journal moods, `valence` the mean valence of the week's analysed frames with
a face (from the compiled weekly report when there is one, since emotion records expire, else
from the records themselves), `custom` the last value the therapist recorded that week.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone
from statistics import fmean

from emotecare.db.models import EmotionRecord, Report, Session
from emotecare.db.plans import CarePlanEntry
from emotecare.db.wellbeing import JournalEntry, QuestionnaireResponse
from emotecare.sessions.sharing import care_team_summary, is_private
from emotecare.weeks import shift_week, week_bounds_utc, week_of

SERIES_WEEKS = 12


def _private_sessions(session_ids: set[str]) -> set[str]:
    return {s.session_id for s in Session.batch_get(list(session_ids)) if is_private(s)} \
        if session_ids else set()


def _bound(moment: datetime) -> str:
    # Without the trailing Z, so stored times with or without fractions sort inside the bounds.
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@dataclass(frozen=True)
class Window:
    """The weeks a series covers (oldest first) in the patient's time zone, and their UTC span."""

    weeks: tuple[str, ...]
    time_zone: str

    @classmethod
    def ending(cls, now: datetime, time_zone: str, weeks: int = SERIES_WEEKS) -> "Window":
        last = week_of(now, time_zone)
        return cls(tuple(shift_week(last, -i) for i in range(weeks - 1, -1, -1)), time_zone)

    @property
    def low(self) -> str:
        return _bound(week_bounds_utc(self.weeks[0], self.time_zone)[0])

    @property
    def high(self) -> str:
        return _bound(week_bounds_utc(self.weeks[-1], self.time_zone)[1])

    def week(self, stored_time: str) -> str:
        return week_of(_parse(stored_time), self.time_zone)


def _last_per_week(window: Window, samples: list[tuple[str, float]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for moment, value in sorted(samples):
        out[window.week(moment)] = float(value)
    return out


def _mean_per_week(window: Window, samples: list[tuple[str, float]], digits: int) -> dict[str, float]:
    grouped: dict[str, list[float]] = defaultdict(list)
    for moment, value in samples:
        grouped[window.week(moment)].append(float(value))
    return {week: round(fmean(values), digits) for week, values in grouped.items()}


class PatientMeasures:
    """One patient's weekly values over one window; each source is read once per request."""

    def __init__(self, patient_id: str, therapist_id: str, window: Window):
        self.patient_id, self.therapist_id, self.window = patient_id, therapist_id, window
        self._read: dict[tuple[str, str], dict[str, float]] = {}

    def weekly(self, goal: dict) -> dict[str, float]:
        """{week: value} of the weeks in the window that have a value for `goal`'s measure."""
        measure = goal["measure"]
        key = (measure, goal["goal_id"] if measure == "custom" else "")
        if key not in self._read:
            if measure in ("phq9", "gad7"):
                self._read[key] = self._questionnaire(measure)
            elif measure == "mood":
                self._read[key] = self._mood()
            elif measure == "valence":
                self._read[key] = self._valence()
            else:
                self._read[key] = self._custom(goal["goal_id"])
        return self._read[key]

    def _questionnaire(self, kind: str) -> dict[str, float]:
        rows = QuestionnaireResponse.query(self.patient_id, QuestionnaireResponse.response_key.between(
            f"{kind}#{self.window.low}", f"{kind}#{self.window.high}"))
        return _last_per_week(self.window, [(r.submitted_at, r.score) for r in rows])

    def _mood(self) -> dict[str, float]:
        rows = JournalEntry.query(self.patient_id, JournalEntry.entry_key.between(
            self.window.low, self.window.high))
        return _mean_per_week(self.window, [(r.created_at, r.mood) for r in rows], 2)

    def _valence(self) -> dict[str, float]:
        """The care team's valence: private self-reflect sessions are left out."""
        compiled = {r.week: care_team_summary(r.summary).get("emotions", {}).get("mean_valence")
                    for r in Report.query(self.patient_id, Report.week.between(
                        self.window.weeks[0], self.window.weeks[-1]))
                    if (r.summary or {}).get("complete")}
        values = {week: float(v) for week, v in compiled.items() if v is not None}
        for week in (w for w in self.window.weeks if w not in compiled):
            start, end = week_bounds_utc(week, self.window.time_zone)
            records = [r for r in EmotionRecord.by_patient_time.query(
                self.patient_id, EmotionRecord.captured_at.between(_bound(start), _bound(end)))
                if r.face_found and r.valence is not None]
            private = _private_sessions({r.session_id for r in records})
            found = [float(r.valence) for r in records if r.session_id not in private]
            if found:
                values[week] = round(fmean(found), 4)
        return values

    def _custom(self, goal_id: str) -> dict[str, float]:
        prefix = f"value#{self.therapist_id}#{goal_id}#"
        rows = CarePlanEntry.query(self.patient_id, CarePlanEntry.entry_key.between(
            f"{prefix}{self.window.low}", f"{prefix}{self.window.high}"))
        return _last_per_week(self.window, [(r.recorded_at, r.value) for r in rows
                                            if r.value is not None])
