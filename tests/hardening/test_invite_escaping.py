"""Names with line breaks cannot add lines to a calendar invite (issue 17, point 6)."""
from __future__ import annotations

import pytest

from tests.support.scheduling import book, slot_after

pytestmark = pytest.mark.stack


@pytest.mark.parametrize("name", ["Eve\rX-INJECTED:1", "Eve\r\nX-INJECTED:1", "Eve\nX-INJECTED:1",
                                  "Eve\x0bX-INJECTED:1"])
def test_a_line_break_in_a_name_stays_inside_summary(stack, patient, therapist, name):
    assert patient.request("PATCH", "/me", json={"name": name}).status_code == 200
    booking = book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 30)).json()
    response = therapist.get(f"/bookings/{booking['booking_id']}/invite.ics")
    assert response.status_code == 200, response.text
    ics = response.content.decode()
    # RFC 5545: lines end in CRLF, a fold is CRLF + space; nothing else may break a line.
    unfolded = ics.replace("\r\n ", "")
    lines = unfolded.split("\r\n")
    assert not any("\r" in line or "\n" in line or "\x0b" in line for line in lines)
    assert not any(line.startswith("X-INJECTED") for line in lines)
    summary = next(line for line in lines if line.startswith("SUMMARY:"))
    assert "X-INJECTED:1" in summary
