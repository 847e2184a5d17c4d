"""A fresh approved therapist and patient per test (see tests/support/booking_people.py)."""
from tests.support.booking_people import admin, patient, therapist  # noqa: F401
