"""People for the between-session tests: a patient who booked a therapist, and outsiders.

Function-scoped where a test changes what the therapist sees (safety events), so every
test starts from a clean dashboard.
"""
from __future__ import annotations

import pytest

from emotecare.db import bind_models
from emotecare.settings import load_settings
from tests.support.accounts import TestUser, make_user
from tests.support.scheduling import approved_therapist, book, slot_after


@pytest.fixture(scope="module")
def admin(stack) -> TestUser:
    return make_user(stack, "admin")


@pytest.fixture
def therapist(stack, admin) -> TestUser:
    return approved_therapist(stack, admin)


@pytest.fixture
def patient(stack, therapist) -> TestUser:
    """A patient whose latest booking is with `therapist` (so they are the one alerted)."""
    patient = make_user(stack, "patient")
    response = book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 30))
    assert response.status_code == 201, response.text
    return patient


@pytest.fixture
def outsider(stack) -> TestUser:
    return make_user(stack, "patient")


@pytest.fixture
def other_therapist(stack, admin) -> TestUser:
    return approved_therapist(stack, admin)


@pytest.fixture
def stack_tables(stack):
    """The PynamoDB models of this test process pointed at the stack's moto (to inspect rows)."""
    bind_models(load_settings(stack.env))
    return stack


def set_country(user: TestUser, country: str) -> None:
    response = user.request("PATCH", "/me", json={"country": country})
    assert response.status_code == 200, response.text
