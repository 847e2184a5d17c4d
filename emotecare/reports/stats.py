"""Numbers of a weekly report, computed from a week's rows (pure functions, no I/O).

Shares and valences are rounded to 4 decimals, averages of 1–10 moods to 2, so stored
reports and tests agree exactly.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Iterable, Sequence
from zoneinfo import ZoneInfo

from emotecare.pipeline.reading import is_confident
from emotecare.pipeline.smoothing import SmoothingRules
from emotecare.pipeline.valence import dominant_of
from emotecare.reports.distress import sustained_distress
from emotecare.weeks import parse_utc_text


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def local_date(utc_text: str, zone: ZoneInfo) -> date:
    return parse_utc_text(utc_text).astimezone(zone).date()


def emotion_stats(records: Sequence) -> dict:
    """Frames, share with a face, mean valence, and the expression mix of `records`.

    A face frame counts as its top expression only when the model was sure of it
    (`reading.is_confident`, the live headline's own test); the rest are `uncertain_share`.
    Expression shares and the uncertain share are of the frames with a face, so together
    they make 1; `face_share` says how many frames had one. (Counting every frame by its
    top class summarised a clip of happy, sad, surprise and crying faces as happy 48 %,
    surprise 0 %: the unsure crying frames had become "happy".)
    """
    with_face = [r for r in records if r.face_found]
    counts = Counter(_expression_counted(r) for r in with_face)
    uncertain = counts.pop(None, 0)
    valences = [float(r.valence) for r in with_face if r.valence is not None]
    return {
        "frames": len(records),
        "face_share": _round(len(with_face) / len(records)) if records else None,
        "mean_valence": _round(_mean(valences)),
        "expressions": {label: _round(n / len(with_face)) for label, n in sorted(counts.items())},
        "uncertain_share": _round(uncertain / len(with_face)) if with_face else None,
    }


def _expression_counted(record) -> str | None:
    """The record's expression when the model was sure of it, else None (uncertain)."""
    probabilities = ({label: float(p) for label, p in record.probabilities.as_dict().items()}
                     if record.probabilities else None)
    return dominant_of(probabilities)[0] if is_confident(probabilities) else None


def session_stats(session, records: Sequence, zone: ZoneInfo, rules: SmoothingRules) -> dict:
    """One session's line in the report: when, what kind, and its frames' statistics."""
    started = (session.started_at or session.starts_at
               or (records[0].captured_at if records else session.created_at))
    spans = sustained_distress(records, rules)
    local = parse_utc_text(started).astimezone(zone)
    return {
        "session_id": session.session_id,
        "kind": session.kind,
        "therapist_id": session.therapist_id,
        "started_at": started,
        "local_start": local.strftime("%Y-%m-%d %H:%M"),
        "weekday": local.strftime("%a"),
        **emotion_stats(records),
        "distress": spans,
        "distress_count": len(spans),
    }


def daily_valence(records: Iterable, days: Sequence[date], zone: ZoneInfo) -> list[dict]:
    """Mean valence of face frames for each local day of the week (None on days without)."""
    by_day: dict[date, list[float]] = defaultdict(list)
    for record in records:
        if record.face_found and record.valence is not None:
            by_day[local_date(record.captured_at, zone)].append(float(record.valence))
    return [{"date": day.isoformat(), "weekday": day.strftime("%a"),
             "mean_valence": _round(_mean(by_day[day])), "frames": len(by_day[day])}
            for day in days]


def journal_stats(entries: Sequence, days: Sequence[date], zone: ZoneInfo) -> dict:
    """Entry count, mean mood and mean mood per local day."""
    by_day: dict[date, list[float]] = defaultdict(list)
    for entry in entries:
        by_day[local_date(entry.created_at, zone)].append(float(entry.mood))
    moods = [float(e.mood) for e in entries]
    return {
        "entries": len(entries),
        "mood_average": _round(_mean(moods), 2),
        "daily_mood": [{"date": day.isoformat(), "weekday": day.strftime("%a"),
                        "mood_average": _round(_mean(by_day[day]), 2)} for day in days],
    }


def questionnaire_stats(in_week: Sequence, earlier) -> dict:
    """The week's latest score and band, and its change from the response before it."""
    if not in_week:
        return {"score": None, "band": None, "submitted_at": None, "responses": 0,
                "previous_score": None, "change": None}
    latest = in_week[-1]
    before = in_week[-2] if len(in_week) > 1 else earlier
    previous = int(before.score) if before is not None else None
    return {
        "score": int(latest.score),
        "band": latest.band,
        "submitted_at": latest.submitted_at,
        "responses": len(in_week),
        "previous_score": previous,
        "change": None if previous is None else int(latest.score) - previous,
    }


DISTRESS_NOTED = "distress_noted"  # emotecare.escalation.events: distress, counted here instead of alerting


def safety_stats(events: Sequence, zone: ZoneInfo) -> dict:
    """How many times crisis support was offered (a crisis flagged in the chat, the journal or a
    PHQ-9; a flag taken back later is not a second offer), on which local dates, and how often
    distress was noted without an alert (the escalation policy's `distress` level): nothing
    about what was said."""
    offers = [e for e in events if getattr(e, "type", "crisis_flagged") == "crisis_flagged"]
    return {"events": len(offers),
            "dates": sorted({local_date(e.occurred_at, zone).isoformat() for e in offers}),
            "distress": sum(1 for e in events if getattr(e, "type", None) == DISTRESS_NOTED)}
