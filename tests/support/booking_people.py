"""A fresh approved therapist and patient per test: no test sees another's bookings.

Shared by the accounts and bookings suites (imported by their conftest files); thin
wrappers over the `people` factory of `tests/support/people.py`.
"""
from __future__ import annotations

import pytest


@pytest.fixture
def therapist(people):
    return people.therapist()


@pytest.fixture
def patient(people):
    return people.patient(time_zone="Europe/Paris")
