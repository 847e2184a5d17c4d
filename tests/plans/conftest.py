"""Helpers of the plan tests; their people are `tests/support/care_people.py`'s (fresh for
every test, so every test starts with no plan and no data)."""
from __future__ import annotations

from tests.support.care_people import other_therapist, outsider, patient, therapist  # noqa: F401


def phq9_goal(**extra) -> dict:
    return {"goal_id": "low-mood", "title": "Feel less low", "measure": "phq9", "baseline": 16,
            "target": 9, "direction": "decrease", "review_by": "2030-01-31", "shared": True,
            **extra}


def plan_body(goals=None, interventions=None, **extra) -> dict:
    return {"goals": [phq9_goal()] if goals is None else goals,
            "interventions": [{"intervention_id": "thought-records", "title": "CBT thought records",
                               "homework_every_days": 2, "shared": True}]
            if interventions is None else interventions,
            "summary_for_patient": "We work on low mood with thought records.", **extra}


def phq9_answers(total: int) -> list[int]:
    """Nine answers adding up to `total`, item 9 left at 0 (no crisis flow)."""
    answers = [0] * 9
    for i in range(8):
        answers[i] = min(3, total - sum(answers))
    assert sum(answers) == total
    return answers
