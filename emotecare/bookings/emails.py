"""The mails of a booking's life, each in the recipient's own time zone, with invites."""
from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from botocore.exceptions import BotoCoreError, ClientError

from emotecare.db.models import Booking, Therapist, User
from emotecare.fields import parse_instant
from emotecare.log import get_logger
from emotecare.notifications.ics import calendar_event, invite_attachment
from emotecare.notifications.mailer import Mailer
from emotecare.notifications.templates import send_templated

logger = get_logger("bookings")


@dataclass(frozen=True)
class Party:
    """One side of a booking as a mail recipient."""

    email: str
    name: str
    time_zone: str


def describe_time(instant: str, time_zone: str) -> str:
    local = parse_instant(instant, "starts_at").astimezone(ZoneInfo(time_zone or "UTC"))
    return local.strftime("%A %d %B %Y, %H:%M")


def parties(booking: Booking) -> tuple[Party, Party]:
    """(patient, therapist) of a booking."""
    patient = User.get(booking.patient_id)
    therapist_user = User.get(booking.therapist_id)
    therapist_tz = (Therapist.get(booking.therapist_id).profile or {}).get(
        "time_zone") or therapist_user.time_zone
    return (Party(patient.email, patient.name, patient.time_zone),
            Party(therapist_user.email, therapist_user.name, therapist_tz))


def booking_invite(booking: Booking, patient: Party, therapist: Party, app_url: str,
                   cancelled: bool = False) -> str:
    """The booking's `.ics` (same UID forever; SEQUENCE grows with each change)."""
    details = booking.details or {}
    return calendar_event(
        uid=f"{booking.booking_id}@emotecare", starts_at=parse_instant(booking.starts_at, "s"),
        ends_at=parse_instant(booking.ends_at, "e"),
        summary=f"EmoteCare {details.get('therapy_type', 'therapy')} session: "
                f"{therapist.name} and {patient.name}",
        description=f"Join from EmoteCare up to 10 minutes before: {app_url}",
        organizer=therapist.email,
        attendees=[patient.email, *details.get("participants", [])],
        url=app_url, sequence=int(details.get("sequence", 0)), cancelled=cancelled)


class BookingMail:
    """Sends every booking mail; a failed send is logged and never undoes the booking."""

    def __init__(self, mailer: Mailer, app_url: str):
        self._mailer, self._app_url = mailer, app_url

    def _send(self, template: str, to: list[str], attachments=(), **context) -> None:
        try:
            send_templated(self._mailer, template, to, attachments=attachments,
                           app_url=self._app_url, **context)
        except (ClientError, BotoCoreError):
            logger.exception("booking mail not sent", extra={"template": template})

    def _invite(self, booking: Booking, patient: Party, therapist: Party, cancelled=False):
        return (invite_attachment(booking_invite(booking, patient, therapist, self._app_url,
                                                 cancelled)),)

    def requested(self, booking: Booking) -> None:
        patient, therapist = parties(booking)
        details = booking.details or {}
        invite = self._invite(booking, patient, therapist)
        self._send("booking_requested", [therapist.email], invite,
                   therapist_name=therapist.name, patient_name=patient.name,
                   therapy_type=details["therapy_type"], message=details.get("message", ""),
                   when_therapist=describe_time(booking.starts_at, therapist.time_zone),
                   therapist_tz=therapist.time_zone)
        self._send("booking_received", [patient.email], invite,
                   patient_name=patient.name, therapist_name=therapist.name,
                   therapy_type=details["therapy_type"], patient_tz=patient.time_zone,
                   when_patient=describe_time(booking.starts_at, patient.time_zone))
        for email in details.get("participants", []):
            self._send("session_invitation", [email], invite, patient_name=patient.name,
                       therapist_name=therapist.name, therapy_type=details["therapy_type"],
                       when=describe_time(booking.starts_at, "UTC"))

    def _to_both(self, template: str, booking: Booking, cancelled: bool = False,
                 only: str | None = None, **context) -> None:
        """Send `template` to the patient (and invitees) and/or the therapist, each in their
        own time zone; context keys ending in `_when` are instants to show locally."""
        patient, therapist = parties(booking)
        invite = self._invite(booking, patient, therapist, cancelled)
        details = booking.details or {}
        recipients = []
        if only in (None, "patient"):
            recipients.append((patient, therapist))
            recipients += [(Party(email, "", "UTC"), therapist)
                           for email in details.get("participants", [])]
        if only in (None, "therapist"):
            recipients.append((therapist, patient))
        for me, other in recipients:
            local = {k: describe_time(v, me.time_zone) if k.endswith("_when") else v
                     for k, v in context.items()}
            self._send(template, [me.email], invite, name=me.name, other_name=other.name,
                       therapy_type=details.get("therapy_type", "therapy"), tz=me.time_zone,
                       when=describe_time(booking.starts_at, me.time_zone), **local)

    def confirmed(self, booking: Booking) -> None:
        from emotecare.payments.terms import booking_policy

        self._to_both("booking_confirmed", booking, only="patient", policy=booking_policy(booking))

    def declined(self, booking: Booking, reason: str) -> None:
        self._to_both("booking_declined", booking, cancelled=True, only="patient", reason=reason)

    def cancelled(self, booking: Booking, cancelled_by: str, reason: str) -> None:
        self._to_both("booking_cancelled", booking, cancelled=True, cancelled_by=cancelled_by,
                      reason=reason)

    def rescheduled(self, booking: Booking, previous_start: str) -> None:
        self._to_both("booking_rescheduled", booking, previous_when=previous_start)

    def reminder(self, booking: Booking, lead: str) -> None:
        self._to_both("booking_reminder", booking, lead=lead)

    def patient_left(self, booking: Booking, therapist: Party) -> None:
        self._send("therapist_patient_left", [therapist.email], name=therapist.name,
                   when=describe_time(booking.starts_at, therapist.time_zone),
                   tz=therapist.time_zone)
