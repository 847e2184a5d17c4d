"""The people of the tests, made in one place: `people.patient()`, `people.therapist()`,
`people.admin()` on the running stack (the `people` fixture), each a signed-in `TestUser`.

Every suite's `patient` / `therapist` fixtures are thin wrappers over this factory, so "a
patient" means the same thing everywhere and only the options differ (a time zone, a booking
that makes a therapist theirs, an unapproved therapist). Where they live: `admin` once, in
`tests/conftest.py`; module-scoped people below (the session and pipeline suites);
function-scoped ones in `booking_people.py` (accounts, bookings, hardening, messaging) and
`care_people.py` (wellbeing, plans: the patient has booked the therapist).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from tests.support.accounts import TestUser, make_user
from tests.support.scheduling import approved_therapist, confirmed_booking


@dataclass
class People:
    """Makes fresh signed-in people on `stack`; the admin who approves therapists is made once."""

    stack: object = field(repr=False)
    _admin: TestUser | None = None

    def admin(self) -> TestUser:
        """The admin of this test run (approves therapists; holds no data of their own)."""
        if self._admin is None:
            self._admin = make_user(self.stack, "admin")
        return self._admin

    def therapist(self, *, approved: bool = True, weekly=None, **profile) -> TestUser:
        """A therapist; by default with a profile, open availability and approved."""
        if not approved:
            return make_user(self.stack, "therapist")
        return approved_therapist(self.stack, self.admin(), weekly=weekly, **profile)

    def patient(self, *, time_zone: str = "Europe/London", name: str | None = None,
                booked_with: TestUser | None = None, hours_ahead: float = 30) -> TestUser:
        """A patient; `booked_with` books them with that therapist, who confirms: their care
        is active, so the therapist is theirs."""
        patient = make_user(self.stack, "patient", time_zone=time_zone, name=name)
        if booked_with is not None:
            confirmed_booking(patient, booked_with, hours_ahead)
        return patient


@pytest.fixture(scope="session")
def people(stack) -> People:
    return People(stack)


# Module-scoped people for the session and pipeline suites (imported by their conftests).
@pytest.fixture(scope="module")
def patient(people):
    return people.patient()


@pytest.fixture(scope="module")
def therapist(people):
    return people.therapist(approved=False)


@pytest.fixture(scope="module")
def other_patient(people):
    return people.patient()


@pytest.fixture(scope="module")
def other_therapist(people):
    return people.therapist(approved=False)
