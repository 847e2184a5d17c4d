"""Fresh signed-in users for the hardening tests (issue 17)."""
from tests.support.booking_people import patient, therapist  # noqa: F401
