"""A patient in care with a therapist, and people outside that care, fresh for every test.

Shared by the wellbeing and plans suites (imported by their conftest files): the patient has
booked `therapist`, so theirs is the care shown, the plan read and the one alerted. Thin
wrappers over the `people` factory of `tests/support/people.py`.
"""
from __future__ import annotations

import pytest

from tests.support.accounts import TestUser


@pytest.fixture
def therapist(people) -> TestUser:
    return people.therapist()


@pytest.fixture
def patient(people, therapist) -> TestUser:
    """A patient whose latest booking is with `therapist`."""
    return people.patient(booked_with=therapist)


@pytest.fixture
def outsider(people) -> TestUser:
    return people.patient()


@pytest.fixture
def other_therapist(people) -> TestUser:
    return people.therapist()
