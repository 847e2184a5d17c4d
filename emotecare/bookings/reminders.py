"""Reminder mails 24 hours and 1 hour before each session, sent once each.

A scheduled function calls `send_due_reminders` every minute. Bookings are found through
the by-start-day index (today and tomorrow, UTC); a conditional update marks a reminder as
sent before it is mailed, so overlapping runs never send one twice.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from pynamodb.exceptions import UpdateError

from emotecare.clock import iso_seconds, utc_now
from emotecare.bookings.emails import BookingMail
from emotecare.db.models import Booking
from emotecare.fields import parse_instant
from emotecare.log import get_logger

logger = get_logger("bookings")
LEADS = (("1h", timedelta(hours=1), "in an hour"), ("24h", timedelta(hours=24), "tomorrow"))


def _due_bookings(now: datetime):
    horizon = now + timedelta(hours=24)
    day = now.date()
    while day <= horizon.date():
        yield from Booking.by_start_day.query(
            day.isoformat(), Booking.starts_at.between(iso_seconds(now), iso_seconds(horizon)),
            filter_condition=Booking.status.is_in("pending", "confirmed"))
        day += timedelta(days=1)


def _claim(booking: Booking, labels: list[str]) -> bool:
    """Mark `labels` sent, unless another run already did (then False)."""
    condition = None
    for label in labels:
        clause = ~Booking.reminders_sent.contains(label) | Booking.reminders_sent.does_not_exist()
        condition = clause if condition is None else condition & clause
    try:
        booking.update(actions=[Booking.reminders_sent.add(set(labels))], condition=condition)
    except UpdateError:
        return False
    return True


def send_due_reminders(mail: BookingMail, now: datetime | None = None) -> int:
    """Mail every reminder now due; return how many bookings were reminded."""
    now = now or utc_now()
    sent = 0
    for booking in _due_bookings(now):
        left = parse_instant(booking.starts_at, "starts_at") - now
        already = booking.reminders_sent or set()
        due = [(label, text) for label, lead, text in LEADS if left <= lead
               and label not in already]
        if not due:
            continue
        # Only the nearest reminder is mailed; the earlier one is marked sent with it.
        labels = [label for label, lead, _ in LEADS if left <= lead]
        if not _claim(booking, [label for label in labels if label not in already]):
            continue
        mail.reminder(booking, due[0][1])
        sent += 1
        logger.info("reminder sent", extra={"booking_id": booking.booking_id,
                                            "lead": due[0][0]})
    return sent
