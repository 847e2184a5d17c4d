"""The documented on-track rule, case by case (no stack)."""
from __future__ import annotations

import pytest

from emotecare.plans.progress import status_of


def _goal(measure: str, direction: str, target: float) -> dict:
    return {"measure": measure, "direction": direction, "target": target}


@pytest.mark.parametrize("measure, direction, target, baseline, latest, status", [
    ("phq9", "decrease", 5, 18, 12, "on_track"),    # 6 down: reliable change
    ("phq9", "decrease", 5, 18, 13, "not_yet"),     # 5 down: not yet reliable
    ("phq9", "decrease", 5, 18, 24, "off_track"),   # 6 up
    ("phq9", "decrease", 5, 7, 5, "on_track"),      # target reached, however small the change
    ("gad7", "decrease", 5, 14, 10, "on_track"),    # 4 down: reliable change for GAD-7
    ("gad7", "decrease", 5, 14, 11, "not_yet"),
    ("gad7", "decrease", 5, 10, 14, "off_track"),
    ("mood", "increase", 8, 4, 6, "on_track"),      # 2 points of 1-10
    ("mood", "increase", 8, 4, 5.5, "not_yet"),
    ("mood", "increase", 8, 5, 3, "off_track"),
    ("valence", "increase", 0.5, -0.2, 0.2, "on_track"),
    ("valence", "increase", 0.5, -0.2, 0.1, "not_yet"),
    ("custom", "increase", 10, 0, 5, "on_track"),   # half the way to target
    ("custom", "increase", 10, 0, 4, "not_yet"),
    ("custom", "increase", 10, 6, 1, "off_track"),
    ("phq9", "decrease", 5, 18, None, "not_yet"),   # no value yet
    ("phq9", "decrease", 5, None, 12, "not_yet"),   # no baseline, target not reached
])
def test_status_follows_the_documented_rule(measure, direction, target, baseline, latest, status):
    assert status_of(_goal(measure, direction, target), baseline, latest) == status
