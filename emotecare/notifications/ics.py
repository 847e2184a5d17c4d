"""iCalendar (RFC 5545) invites for booked sessions."""
from __future__ import annotations

import re
from datetime import datetime, timezone

from emotecare.notifications.mailer import Attachment


def _stamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


# Every way text can break a line (CRLF, a lone CR or LF, Unicode's NEL and separators), and
# the other control characters RFC 5545 forbids in TEXT (HTAB is allowed).
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f]")


def _escape(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): escaped, with line breaks as the two characters \\n."""
    escaped = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return _CONTROL.sub(" ", _LINE_BREAK.sub("\\\\n", escaped))


def _fold(line: str) -> str:
    # RFC 5545: content lines longer than 75 octets are folded with CRLF + space.
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode()
        if len(current) + len(piece) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += piece
    parts.append(current.decode())
    return "\r\n ".join(parts)


def calendar_event(uid: str, starts_at: datetime, ends_at: datetime, summary: str,
                   description: str, organizer: str, attendees: list[str], url: str,
                   sequence: int = 0, cancelled: bool = False) -> str:
    """A VCALENDAR with one VEVENT; a higher `sequence` updates the same event (`uid`)."""
    method = "CANCEL" if cancelled else "REQUEST"
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//EmoteCare//Bookings//EN",
        f"METHOD:{method}", "BEGIN:VEVENT", f"UID:{uid}",
        f"DTSTAMP:{_stamp(datetime.now(timezone.utc))}",
        f"DTSTART:{_stamp(starts_at)}", f"DTEND:{_stamp(ends_at)}",
        f"SEQUENCE:{sequence}", f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(description)}", f"URL:{url}",
        f"ORGANIZER:mailto:{organizer}",
        *(f"ATTENDEE;ROLE=REQ-PARTICIPANT:mailto:{email}" for email in attendees),
        f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
        "END:VEVENT", "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def invite_attachment(ics_text: str) -> Attachment:
    method = "CANCEL" if "METHOD:CANCEL" in ics_text else "REQUEST"
    return Attachment("invite.ics", ics_text, f"text/calendar; method={method}")
