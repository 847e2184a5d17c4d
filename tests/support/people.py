"""Module-scoped signed-in users for session and pipeline tests (import into a conftest)."""
from __future__ import annotations

import pytest

from tests.support.accounts import make_user


@pytest.fixture(scope="module")
def patient(stack):
    return make_user(stack, "patient")


@pytest.fixture(scope="module")
def therapist(stack):
    return make_user(stack, "therapist")


@pytest.fixture(scope="module")
def other_patient(stack):
    return make_user(stack, "patient")


@pytest.fixture(scope="module")
def other_therapist(stack):
    return make_user(stack, "therapist")
