"""Turn a flickering stream of per-frame records into a steady state and distress episodes.

Exponential moving averages in *time*, not in frames: a record `dt` seconds after the
previous one gets weight `1 - exp(-dt / tau)` with `tau = window / 2`, so the last
`window` seconds (~10 s) carry about 86 % of the weight whatever the frame rate is.
Frames without a face pull the face share down and leave the expression alone.

Distress: when the smoothed valence stays at or below `threshold` for `sustain_s`
seconds, one episode {start, end} is opened; while the run lasts its end moves on; a
smoothed valence above the threshold closes the run. Each run is flagged exactly once.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable

from emotecare.clock import iso_from_ms
from emotecare.pipeline.reading import remember
from emotecare.pipeline.valence import dominant_of, valence_of


@dataclass(frozen=True)
class Observation:
    """What smoothing needs from one emotion record."""

    at_ms: int
    face_found: bool
    probabilities: dict[str, float] | None


@dataclass(frozen=True)
class SmoothingRules:
    window_s: float = 10.0
    threshold: float = -0.3
    sustain_s: float = 30.0


def fold(state: dict, observations: Iterable[Observation], rules: SmoothingRules) -> dict:
    """A new state with `observations` (in capture order) folded in; `state` is not changed.

    state = {"smoothed": {at_ms, face_share, face_at_ms, probabilities, valence, recent} | {},
             "run_start_ms": int | None, "episodes": [{"start", "end"}]}
    """
    smoothed = dict(state.get("smoothed") or {})
    run_start = state.get("run_start_ms")
    episodes = [dict(e) for e in state.get("episodes") or []]
    tau_s = rules.window_s / 2
    for obs in observations:
        smoothed["face_share"] = _blend(smoothed.get("face_share"), float(obs.face_found),
                                        _weight(smoothed.get("at_ms"), obs.at_ms, tau_s))
        smoothed["at_ms"] = max(obs.at_ms, smoothed.get("at_ms") or 0)
        # The last few seconds, frame by frame, for the headline (`reading.read_now`).
        smoothed["recent"] = remember(smoothed.get("recent"), obs.at_ms,
                                      obs.probabilities if obs.face_found else None)
        if not (obs.face_found and obs.probabilities):
            continue
        weight = _weight(smoothed.get("face_at_ms"), obs.at_ms, tau_s)
        previous = smoothed.get("probabilities") or {}
        smoothed["probabilities"] = {label: _blend(previous.get(label), float(p), weight)
                                     for label, p in obs.probabilities.items()}
        smoothed["face_at_ms"] = obs.at_ms
        smoothed["valence"] = valence_of(smoothed["probabilities"])
        run_start = _track_distress(smoothed["valence"], obs.at_ms, run_start, episodes, rules)
    return {"smoothed": smoothed, "run_start_ms": run_start, "episodes": episodes}


def current_view(smoothed: dict) -> dict | None:
    """The smoothed state as the feed shows it, or None before the first record."""
    if not smoothed:
        return None
    view = {"face_share": round(smoothed["face_share"], 3), "as_of": iso_from_ms(smoothed["at_ms"]),
            "expression": None, "confidence": None, "valence": None}
    if smoothed.get("probabilities"):
        expression, confidence = dominant_of(smoothed["probabilities"])
        view.update(expression=expression, confidence=round(confidence, 3),
                    valence=round(smoothed["valence"], 3))
    return view


def _track_distress(valence: float, at_ms: int, run_start: int | None, episodes: list[dict],
                    rules: SmoothingRules) -> int | None:
    if valence > rules.threshold:
        return None
    run_start = at_ms if run_start is None else run_start
    if (at_ms - run_start) / 1000 >= rules.sustain_s:
        start = iso_from_ms(run_start)
        if episodes and episodes[-1]["start"] == start:
            episodes[-1]["end"] = iso_from_ms(at_ms)
        else:
            episodes.append({"start": start, "end": iso_from_ms(at_ms)})
    return run_start


def _weight(previous_ms: int | None, at_ms: int, tau_s: float) -> float:
    if previous_ms is None:
        return 1.0
    dt_s = max(0.0, (at_ms - previous_ms) / 1000)
    return 1.0 - math.exp(-dt_s / tau_s) if dt_s > 0 else 1.0 / 20  # same-instant frames: small step


def _blend(old: float | None, new: float, weight: float) -> float:
    return new if old is None else old + weight * (new - old)
