"""Write bookings with DynamoDB transactions so a time can never be booked twice.

Every booking claims its therapist's and its patient's 15-minute ticks (`SlotClaim` items,
written with `attribute_not_exists`) in the same transaction as the booking and its
session. Two requests for overlapping times cannot both commit, whatever their timing:
no read-then-write anywhere. Ticks of 15 minutes catch overlaps between sessions that
start on different hours too (every UTC offset is a multiple of 15 minutes).
"""
from __future__ import annotations

import functools
from datetime import datetime, timedelta

from pynamodb.connection import Connection
from pynamodb.exceptions import TransactWriteError
from pynamodb.transactions import TransactWrite

from emotecare.clock import iso_seconds
from emotecare.db.models import Booking, Session, SlotClaim
from emotecare.errors import ConflictError
from emotecare.fields import parse_instant

TICK = timedelta(minutes=15)


def claim_ids(booking: Booking) -> list[str]:
    """The claim keys of `booking`: the therapist's ticks first, then the patient's."""
    start = parse_instant(booking.starts_at, "starts_at")
    end = parse_instant(booking.ends_at, "ends_at")
    ticks = []
    tick = start.replace(minute=start.minute - start.minute % 15, second=0, microsecond=0)
    while tick < end:
        ticks.append(iso_seconds(tick))
        tick += TICK
    return ([f"therapist#{booking.therapist_id}#{t}" for t in ticks]
            + [f"patient#{booking.patient_id}#{t}" for t in ticks])


@functools.lru_cache(maxsize=4)
def _connection(region: str, host: str | None) -> Connection:
    return Connection(region=region, host=host)


def _transaction() -> TransactWrite:
    return TransactWrite(connection=_connection(Booking.Meta.region, Booking.Meta.host))


def _conflict(exc: TransactWriteError, claims: list[str], first_claim_index: int) -> ConflictError:
    reasons = exc.cancellation_reasons or []
    for index, reason in enumerate(reasons):
        if reason is not None and reason.code == "ConditionalCheckFailed":
            claim_index = index - first_claim_index
            if 0 <= claim_index < len(claims):
                owner = claims[claim_index].split("#", 1)[0]
                return ConflictError("the therapist is already booked at that time"
                                     if owner == "therapist"
                                     else "you already have a session at that time")
            return ConflictError("the booking changed meanwhile: reload and try again")
    return ConflictError("that time was just taken: choose another slot")


def _put_claims(tx: TransactWrite, booking: Booking, claims: list[str]) -> None:
    for claim in claims:
        tx.save(SlotClaim(claim, booking_id=booking.booking_id),
                condition=SlotClaim.claim_id.does_not_exist())


def insert_booking(booking: Booking, session: Session) -> None:
    """Store a new booking, its session and its claims, or raise `ConflictError`."""
    claims = claim_ids(booking)
    try:
        with _transaction() as tx:
            tx.save(booking, condition=Booking.booking_id.does_not_exist())
            tx.save(session, condition=Session.session_id.does_not_exist())
            _put_claims(tx, booking, claims)
    except TransactWriteError as exc:
        raise _conflict(exc, claims, first_claim_index=2) from exc


def move_booking(booking: Booking, starts_at: datetime, ends_at: datetime, details: dict) -> None:
    """Move `booking` to a new time: release its old claims and take new ones atomically."""
    old_claims = claim_ids(booking)
    expected_status, expected_start = booking.status, booking.starts_at
    booking.starts_at, booking.ends_at = iso_seconds(starts_at), iso_seconds(ends_at)
    booking.start_day = booking.starts_at[:10]
    new_claims = [c for c in claim_ids(booking) if c not in old_claims]
    kept = set(old_claims) & set(claim_ids(booking))
    try:
        with _transaction() as tx:
            tx.update(booking, actions=[
                Booking.starts_at.set(booking.starts_at), Booking.ends_at.set(booking.ends_at),
                Booking.start_day.set(booking.start_day), Booking.status.set("pending"),
                Booking.details.set(details), Booking.reminders_sent.remove()],
                condition=(Booking.status == expected_status)
                & (Booking.starts_at == expected_start))
            _put_claims(tx, booking, new_claims)
            for claim in old_claims:
                if claim not in kept:
                    tx.delete(SlotClaim(claim), condition=SlotClaim.booking_id == booking.booking_id)
    except TransactWriteError as exc:
        booking.refresh()
        raise _conflict(exc, new_claims, first_claim_index=1) from exc
    booking.status, booking.details, booking.reminders_sent = "pending", details, None


def end_booking(booking: Booking, status: str, details: dict, allowed_from: tuple[str, ...]) -> None:
    """Set a final status (declined, cancelled, …): free the claims, cancel the session."""
    claims = claim_ids(booking)
    try:
        with _transaction() as tx:
            tx.update(booking, actions=[Booking.status.set(status), Booking.details.set(details)],
                      condition=Booking.status.is_in(*allowed_from))
            if booking.session_id:
                tx.update(Session(booking.session_id), actions=[Session.state.set("cancelled")],
                          condition=Session.session_id.exists())
            for claim in claims:
                tx.delete(SlotClaim(claim), condition=SlotClaim.booking_id == booking.booking_id)
    except TransactWriteError as exc:
        booking.refresh()
        raise ConflictError(f"the booking is {booking.status} now") from exc
    booking.status, booking.details = status, details


def set_status(booking: Booking, status: str, details: dict, allowed_from: tuple[str, ...]) -> None:
    """Change the status of a booking that keeps its time (e.g. pending → confirmed)."""
    from pynamodb.exceptions import UpdateError

    try:
        booking.update(actions=[Booking.status.set(status), Booking.details.set(details)],
                       condition=Booking.status.is_in(*allowed_from))
    except UpdateError as exc:
        booking.refresh()
        raise ConflictError(f"the booking is {booking.status} now") from exc
