"""Reminder mails 24 h and 1 h before, once each, from the scheduled function."""
from __future__ import annotations

from datetime import timedelta

import pytest

from emotecare import aws
from emotecare.bookings.emails import BookingMail
from emotecare.bookings.reminders import send_due_reminders
from emotecare.db import bind_models
from emotecare.fields import parse_instant
from emotecare.notifications.mailer import Mailer
from emotecare.settings import load_settings
from tests.support.mail import sent_mails, wait_for_mail
from tests.support.scheduling import book, slot_after

pytestmark = pytest.mark.stack


@pytest.fixture
def mail(stack):
    """The reminder job's collaborators, pointed at the running stack's moto."""
    settings = load_settings(stack.env)
    bind_models(settings)
    return BookingMail(Mailer(aws.client("ses", settings), settings.sender_email),
                       settings.frontend_url)


def _reminders(stack, email: str) -> list:
    return [m for m in sent_mails(stack, email) if m.subject.startswith("Reminder")]


def test_reminders_go_out_24h_then_1h_before_and_only_once(stack, mail, therapist, patient):
    slot = slot_after(patient, therapist.user_id, hours=30)
    booking = book(patient, therapist.user_id, slot).json()
    start = parse_instant(slot, "slot")

    send_due_reminders(mail, now=start - timedelta(hours=25))
    assert _reminders(stack, patient.email) == []
    send_due_reminders(mail, now=start - timedelta(hours=23, minutes=59))
    send_due_reminders(mail, now=start - timedelta(hours=23, minutes=58))
    day_before = _reminders(stack, patient.email)
    assert [m.subject.split(" (")[0] for m in day_before] == ["Reminder: session tomorrow"]
    assert len(_reminders(stack, therapist.email)) == 1

    send_due_reminders(mail, now=start - timedelta(minutes=59))
    send_due_reminders(mail, now=start - timedelta(minutes=30))
    subjects = [m.subject.split(" (")[0] for m in _reminders(stack, patient.email)]
    assert subjects == ["Reminder: session tomorrow", "Reminder: session in an hour"]
    assert booking["booking_id"]


def test_cancelled_bookings_get_no_reminder(stack, mail, therapist, patient):
    slot = slot_after(patient, therapist.user_id, hours=30)
    booking = book(patient, therapist.user_id, slot).json()
    patient.post(f"/bookings/{booking['booking_id']}/cancel", json={})
    send_due_reminders(mail, now=parse_instant(slot, "slot") - timedelta(minutes=30))
    assert _reminders(stack, patient.email) == []


def test_booking_made_an_hour_before_gets_only_the_one_hour_reminder(stack, mail, therapist,
                                                                     patient):
    slot = slot_after(patient, therapist.user_id, hours=30)
    book(patient, therapist.user_id, slot)
    send_due_reminders(mail, now=parse_instant(slot, "slot") - timedelta(minutes=45))
    send_due_reminders(mail, now=parse_instant(slot, "slot") - timedelta(minutes=44))
    subjects = [m.subject.split(" (")[0] for m in _reminders(stack, patient.email)]
    assert subjects == ["Reminder: session in an hour"]


@pytest.mark.slow
def test_the_local_stack_runs_the_reminder_schedule(stack, therapist, patient):
    # A slot within the next day and no reminder call from the test: the stack's own
    # scheduler (every minute) must send it.
    slot = slot_after(patient, therapist.user_id, hours=1.5)
    book(patient, therapist.user_id, slot)
    mail = wait_for_mail(stack, patient.email, "Reminder: session", timeout_s=90)
    assert "tomorrow" in mail.subject or "in an hour" in mail.subject
