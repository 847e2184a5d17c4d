"""Who may see a booking and join its session (who may read a patient's clinical data is
`emotecare.care.access`'s decision)."""
from __future__ import annotations

from pynamodb.exceptions import DoesNotExist

from emotecare.accounts.tokens import Principal
from emotecare.db.models import Booking
from emotecare.errors import ForbiddenError, NotFoundError

def booking_for(principal: Principal, booking_id: str, as_role: str | None = None) -> Booking:
    """The booking when `principal` is its patient or therapist; 404 otherwise.

    `as_role` further requires that side (403 for the other side, who may know it exists).
    """
    try:
        booking = Booking.get(booking_id) if booking_id and len(booking_id) <= 64 else None
    except DoesNotExist:
        booking = None
    if booking is None or principal.user_id not in (booking.patient_id, booking.therapist_id):
        raise NotFoundError("no such booking")
    side = "patient" if principal.user_id == booking.patient_id else "therapist"
    if as_role and side != as_role:
        raise ForbiddenError(f"only the booking's {as_role} may do this")
    return booking


def may_join(principal: Principal, booking: Booking) -> bool:
    """Whether `principal` takes part in the booked session: its patient, its therapist, or
    someone the patient invited (couple and family sessions), matched by verified e-mail."""
    if principal.user_id in (booking.patient_id, booking.therapist_id):
        return True
    invited = (booking.details or {}).get("participants", [])
    return bool(principal.email) and principal.email.lower() in invited
