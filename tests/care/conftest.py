"""Fresh people per test: care relationships change with every step the tests take."""
from __future__ import annotations

import pytest


@pytest.fixture
def patient(people):
    return people.patient()


@pytest.fixture
def therapist(people):
    return people.therapist()


@pytest.fixture
def new_therapist(people):
    return people.therapist()
