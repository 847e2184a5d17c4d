"""A fresh approved therapist and patient per test (see tests/support/booking_people.py)."""
from tests.support.booking_people import patient, therapist  # noqa: F401
