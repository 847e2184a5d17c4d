"""People for the between-session tests: a patient who booked a therapist, and outsiders.

Function-scoped where a test changes what the therapist sees (safety events), so every
test starts from a clean dashboard.
"""
from __future__ import annotations

import pytest

from emotecare.db import bind_models
from emotecare.settings import load_settings
from tests.support.accounts import TestUser


@pytest.fixture(scope="module")
def admin(people) -> TestUser:
    return people.admin()


@pytest.fixture
def therapist(people) -> TestUser:
    return people.therapist()


@pytest.fixture
def patient(people, therapist) -> TestUser:
    """A patient whose latest booking is with `therapist` (so they are the one alerted)."""
    return people.patient(booked_with=therapist)


@pytest.fixture
def outsider(people) -> TestUser:
    return people.patient()


@pytest.fixture
def other_therapist(people) -> TestUser:
    return people.therapist()


@pytest.fixture
def stack_tables(stack):
    """The PynamoDB models of this test process pointed at the stack's moto (to inspect rows)."""
    bind_models(load_settings(stack.env))
    return stack


def set_country(user: TestUser, country: str) -> None:
    response = user.request("PATCH", "/me", json={"country": country})
    assert response.status_code == 200, response.text
