"""The insight panel's headline: what the face shows now (the last few seconds), said honestly.

The session's moving averages (`smoothing`) keep about ten seconds of history, right for a
trend and for distress episodes but too slow for a headline: a face that changes is still
read as the old expression seconds later. The headline is read from the frames of the last
RECENT_WINDOW_S seconds only, the newest counting most (weight halves every
RECENCY_HALF_LIFE_S), and says so when it cannot name one expression:

- "no_face": under half of the recent frames (by weight) had a face;
- "mixed": the recent frames disagree: the expression most of them (by weight) show as their
  own top one holds under AGREEMENT_AT_LEAST of them;
- "uncertain": the frames that show that expression are themselves unsure: their mean
  probability of it is under UNCERTAIN_BELOW, a level at which the classifier is right less
  often than not on FER2013's test/ faces (benchmarks/calibration.py prints the table;
  docs/pipeline.md records the choice). Older frames of another expression do not lower
  it: that disagreement is `agreement`'s to judge, once, or every change would read as
  "uncertain" until the old frames had left the window;
- "expression": otherwise, with the expression and that mean probability;
- "starting": no fresh frame: none captured since analysis was last switched on, or the
  newest is more than NEWEST_AT_MOST_S old (the camera paused). Frames older than the window
  (counted back from the newest frame) never make a headline, nor do frames from before the
  switch-on, so the panel never shows a reading seconds old over a changed face.

A change the patient's browser sends at once (frames.js sends the frame that changed and one
more ~0.15 s later) arrives as two new frames close together, which the weighting alone
would still outvote with the older frames of the last 2 s; so the two newest frames, when
they agree, name the expression whatever the older ones show (`RUN_NAMES_AT`). One odd frame
still never does, and frames that alternate stay "mixed".

`is_confident` is the one definition of a frame sure enough to count as its expression:
the live headline, session summaries and weekly reports all use it.
"""
from __future__ import annotations

from typing import Iterable, Mapping

from emotecare.clock import iso_from_ms
from emotecare.pipeline.valence import dominant_of

RECENT_WINDOW_S = 2.0
RECENCY_HALF_LIFE_S = 0.5
UNCERTAIN_BELOW = 0.6  # the ensemble, calibrated: right on 48.6% of test/ faces read at 0.5-0.6, 57.8% at 0.6-0.7
AGREEMENT_AT_LEAST = 0.7  # frames alternating every 0.5 s score 0.68: mixed; two newest agreeing after a change: 0.77
FACE_SHARE_AT_LEAST = 0.5
# The newest frame may be this old when read: the window plus the most the pipeline takes to
# deliver a frame on a loaded machine (capture → visible p95 under 2 s, more on the shared
# development machine); older than this the camera has stopped, and the panel says "starting".
NEWEST_AT_MOST_S = RECENT_WINDOW_S + 3.0
RUN_NAMES_AT = 2  # this many newest face frames agreeing name their expression


def is_confident(probabilities: Mapping[str, float] | None) -> bool:
    """Whether a frame's top expression is sure enough to be counted as that expression."""
    return bool(probabilities) and max(probabilities.values()) >= UNCERTAIN_BELOW


def remember(recent: Iterable[Mapping] | None, at_ms: int, probabilities: Mapping[str, float] | None,
             window_s: float = RECENT_WINDOW_S) -> list[dict]:
    """`recent` frames plus this one ({"t": ms, "p": probabilities or None}), older ones dropped.

    Kept in capture order; a frame more than `window_s` older than the newest is forgotten,
    so the stored list stays a few frames long however long the session runs.
    """
    frames = sorted([*(dict(f) for f in recent or ()),
                     {"t": int(at_ms), "p": dict(probabilities) if probabilities else None}],
                    key=lambda f: f["t"])
    newest = frames[-1]["t"]
    return [f for f in frames if newest - f["t"] <= window_s * 1000]


def read_now(recent: list[Mapping] | None, now_ms: int | None = None,
             since_ms: int | None = None) -> dict:
    """The headline for the remembered frames captured since `since_ms` (the switch-on).

    With `now_ms`, frames are read only while the newest is at most NEWEST_AT_MOST_S old;
    without it, the frames alone are read.
    {"state": "expression" | "uncertain" | "mixed" | "no_face" | "starting", "expression",
     "confidence", "agreement", "face_share", "frames", "window_s", "as_of"}
    """
    recent = [f for f in recent or () if since_ms is None or f["t"] >= since_ms]
    if recent and now_ms is not None and now_ms - max(f["t"] for f in recent) > NEWEST_AT_MOST_S * 1000:
        recent = []
    if not recent:
        return {"state": "starting", "expression": None, "confidence": None, "agreement": None,
                "face_share": None, "frames": 0, "window_s": RECENT_WINDOW_S, "as_of": None}
    recent = sorted(recent, key=lambda f: f["t"])
    newest = recent[-1]["t"]
    weights = [0.5 ** ((newest - f["t"]) / 1000 / RECENCY_HALF_LIFE_S) for f in recent]
    total = sum(weights)
    with_face = [(w, f["p"]) for w, f in zip(weights, recent) if f.get("p")]
    face_weight = sum(w for w, _ in with_face)
    reading = {"state": "no_face", "expression": None, "confidence": None, "agreement": None,
               "face_share": round(face_weight / total, 3), "frames": len(recent),
               "window_s": RECENT_WINDOW_S, "as_of": iso_from_ms(newest)}
    if face_weight / total < FACE_SHARE_AT_LEAST:
        return reading
    votes: dict[str, float] = {}
    for w, p in with_face:
        top = dominant_of(p)[0]
        votes[top] = votes.get(top, 0.0) + w
    newest_tops = {dominant_of(p)[0] for _, p in with_face[-RUN_NAMES_AT:]}
    newest_agree = len(with_face) >= RUN_NAMES_AT and len(newest_tops) == 1
    # When the face has just changed, the newest frames agree on the new expression.
    expression = newest_tops.pop() if newest_agree else max(votes, key=votes.get)
    agreement = votes[expression] / face_weight
    showing = [(w, p) for w, p in with_face if dominant_of(p)[0] == expression]
    confidence = sum(w * p[expression] for w, p in showing) / votes[expression]
    state = ("uncertain" if confidence < UNCERTAIN_BELOW
             else "mixed" if agreement < AGREEMENT_AT_LEAST and not newest_agree else "expression")
    # An unsure reading names no expression at all, so the panel cannot show one.
    reading.update(state=state, expression=expression if state == "expression" else None,
                   confidence=round(confidence, 3), agreement=round(agreement, 3))
    return reading
