"""A fresh approved therapist and patient per test: no test sees another's bookings.

Shared by the accounts and bookings suites (imported by their conftest files).
"""
from __future__ import annotations

import pytest

from tests.support.accounts import make_user
from tests.support.scheduling import approved_therapist


@pytest.fixture(scope="module")
def admin(stack):
    return make_user(stack, "admin")


@pytest.fixture
def therapist(stack, admin):
    return approved_therapist(stack, admin)


@pytest.fixture
def patient(stack):
    return make_user(stack, "patient", time_zone="Europe/Paris")
