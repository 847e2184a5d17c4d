"""iCalendar (RFC 5545) invites for booked sessions, written by the `icalendar` library.

The library escapes TEXT values and folds lines at 75 octets; the one thing left to us is
control characters, which RFC 5545 forbids in TEXT and some clients read as line breaks.
"""
from __future__ import annotations

import re
from datetime import datetime

import icalendar

from emotecare.clock import utc_now
from emotecare.notifications.mailer import Attachment

# Control characters other than line breaks (which `icalendar` escapes as \n) and HTAB.
_CONTROL = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]")
_OTHER_LINE_BREAKS = re.compile("\r\n?|[\x85\u2028\u2029]")


def _text(value: str) -> str:
    return _CONTROL.sub(" ", _OTHER_LINE_BREAKS.sub("\n", value))


def calendar_event(uid: str, starts_at: datetime, ends_at: datetime, summary: str,
                   description: str, organizer: str, attendees: list[str], url: str,
                   sequence: int = 0, cancelled: bool = False) -> str:
    """A VCALENDAR with one VEVENT; a higher `sequence` updates the same event (`uid`)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//EmoteCare//Bookings//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", utc_now())
    event.add("dtstart", starts_at)
    event.add("dtend", ends_at)
    event.add("sequence", sequence)
    event.add("summary", _text(summary))
    event.add("description", _text(description))
    event.add("url", url)
    event.add("organizer", f"mailto:{organizer}")
    for email in attendees:
        event.add("attendee", f"mailto:{email}", parameters={"ROLE": "REQ-PARTICIPANT"})
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    calendar.add_component(event)
    return calendar.to_ical().decode()


def invite_attachment(ics_text: str) -> Attachment:
    method = "CANCEL" if "METHOD:CANCEL" in ics_text else "REQUEST"
    return Attachment("invite.ics", ics_text, f"text/calendar; method={method}")
