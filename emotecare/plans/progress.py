"""Progress of a goal: its weekly series, latest value, change from baseline and status.

The rule (docs/plans.md): a goal is `on_track` when its latest weekly value has reached the
target, or has moved from the baseline towards the target by at least the measure's reliable
change; `off_track` when it has moved the same amount the wrong way; otherwise `not_yet`
(also when there is no value yet). Reliable change is the literature's for PHQ-9 (6 points)
and GAD-7 (4 points); for the other measures it is set at about the same fifth of the scale.
"""
from __future__ import annotations

from datetime import date

from emotecare.plans.measures import PatientMeasures

# Reliable change per measure (points of the measure's own scale).
RELIABLE_CHANGE = {
    "phq9": 6.0,     # of 0-27: the reliable change index for PHQ-9 (NHS Talking Therapies/IAPT)
    "gad7": 4.0,     # of 0-21: the reliable change index for GAD-7 (NHS Talking Therapies/IAPT)
    "mood": 2.0,     # of 1-10: a fifth of the scale, like 6/27 and 4/21
    "valence": 0.4,  # of -1..1: a fifth of the range
}
ON_TRACK, NOT_YET, OFF_TRACK = "on_track", "not_yet", "off_track"


def reliable_change(goal: dict, baseline: float | None) -> float | None:
    """The change that counts as real for `goal`; a custom goal's is half the way to target."""
    if goal["measure"] in RELIABLE_CHANGE:
        return RELIABLE_CHANGE[goal["measure"]]
    if baseline is None:
        return None
    return abs(goal["target"] - baseline) / 2 or None


def status_of(goal: dict, baseline: float | None, latest: float | None) -> str:
    """`on_track`, `not_yet` or `off_track` by the documented rule."""
    if latest is None:
        return NOT_YET
    decreasing = goal["direction"] == "decrease"
    if (latest <= goal["target"]) if decreasing else (latest >= goal["target"]):
        return ON_TRACK
    threshold = reliable_change(goal, baseline)
    if baseline is None or threshold is None:
        return NOT_YET
    improvement = (baseline - latest) if decreasing else (latest - baseline)
    if improvement >= threshold:
        return ON_TRACK
    if improvement <= -threshold:
        return OFF_TRACK
    return NOT_YET


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def goal_progress(goal: dict, measures: PatientMeasures) -> dict:
    """`{latest, latest_week, series, baseline, change, reliable_change, status}` of `goal`.

    Without a stored baseline, the first weekly value of the window stands in for it.
    """
    weekly = measures.weekly(goal)
    series = [{"week": week, "value": weekly.get(week)} for week in measures.window.weeks]
    known = [point for point in series if point["value"] is not None]
    latest = known[-1] if known else None
    baseline = goal.get("baseline")
    if baseline is None and known:
        baseline = known[0]["value"]
    latest_value = latest["value"] if latest else None
    return {
        "latest": latest_value,
        "latest_week": latest["week"] if latest else None,
        "series": series,
        "baseline": baseline,
        "change": _round(latest_value - baseline) if latest and baseline is not None else None,
        "reliable_change": reliable_change(goal, baseline),
        "status": status_of(goal, baseline, latest_value),
    }


def review_due(goal: dict, today: date) -> bool:
    """A goal whose review date has passed is due for review."""
    return goal["review_by"] < today.isoformat()
