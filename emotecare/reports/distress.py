"""Sustained distress in one session's frames, found exactly as the live feed finds it.

The live feed (emotecare/pipeline/smoothing.py) smooths the classifier's probabilities
over time and flags a run of smoothed valence at or below the threshold that lasts long
enough; the weekly report replays a session's records through the same `fold`, with the
same settings, so the report and what the therapist saw live can never disagree.
"""
from __future__ import annotations

from typing import Iterable

from emotecare.clock import ms_from_iso
from emotecare.pipeline.smoothing import Observation, SmoothingRules, fold
from emotecare.settings import Settings


def smoothing_rules(settings: Settings) -> SmoothingRules:
    """The live feed's rules, from the same settings."""
    return SmoothingRules(window_s=settings.feed_smoothing_s, threshold=settings.distress_valence,
                          sustain_s=settings.distress_seconds)


def sustained_distress(records: Iterable, rules: SmoothingRules) -> list[dict]:
    """Distress episodes {start, end, seconds} of records given in capture order."""
    observations = (Observation(ms_from_iso(r.captured_at), bool(r.face_found),
                                _probabilities(r)) for r in records)
    episodes = fold({}, observations, rules)["episodes"]
    return [{**e, "seconds": round((ms_from_iso(e["end"]) - ms_from_iso(e["start"])) / 1000, 1)}
            for e in episodes]


def _probabilities(record) -> dict[str, float] | None:
    probabilities = record.probabilities
    if probabilities is None:
        return None
    values = probabilities.as_dict() if hasattr(probabilities, "as_dict") else dict(probabilities)
    return {label: float(p) for label, p in values.items()}
