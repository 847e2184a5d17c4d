"""Who takes part in a booked session (the session room asks this before letting anyone in)."""
from __future__ import annotations

import pytest

from emotecare.accounts.tokens import Principal
from emotecare.bookings.access import may_join
from emotecare.db.models import Booking

BOOKING = Booking("b-1", therapist_id="t-1", patient_id="p-1", starts_at="2030-01-07T10:00:00Z",
                  ends_at="2030-01-07T10:50:00Z", start_day="2030-01-07",
                  details={"therapy_type": "couple", "participants": ["partner@example.com"]})


@pytest.mark.parametrize("principal, allowed", [
    (Principal("p-1", "me@example.com", "patient"), True),
    (Principal("t-1", "doc@example.com", "therapist"), True),
    (Principal("p-2", "Partner@Example.com", "patient"), True),
    (Principal("p-3", "stranger@example.com", "patient"), False),
    (Principal("t-2", "other@example.com", "therapist"), False),
    (Principal("a-1", "", "admin"), False),
])
def test_only_the_patient_the_therapist_and_invitees_may_join(principal, allowed):
    assert may_join(principal, BOOKING) is allowed
