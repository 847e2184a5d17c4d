"""People for the plan tests: a patient in a therapist's care, that therapist, and outsiders.

Function-scoped patient and therapist, so every test starts with no plan and no data.
"""
from __future__ import annotations

import pytest

from emotecare.db import bind_models
from emotecare.settings import load_settings
from tests.support.accounts import TestUser, make_user
from tests.support.scheduling import approved_therapist, confirmed_booking


@pytest.fixture(scope="module")
def admin(stack) -> TestUser:
    return make_user(stack, "admin")


@pytest.fixture(scope="module")
def other_therapist(stack, admin) -> TestUser:
    return approved_therapist(stack, admin)


@pytest.fixture
def therapist(stack, admin) -> TestUser:
    return approved_therapist(stack, admin)


@pytest.fixture
def patient(stack, therapist) -> TestUser:
    """A patient in `therapist`'s care (a confirmed booking), so theirs is the plan shown."""
    patient = make_user(stack, "patient")
    confirmed_booking(patient, therapist)
    return patient


@pytest.fixture
def stack_tables(stack):
    """The PynamoDB models of this test process pointed at the stack's moto (to inspect rows)."""
    bind_models(load_settings(stack.env))
    return stack


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
