"""Who may read whose reports: a patient their own, a therapist the patients who booked them.

Until the accounts area's own "patients of a therapist" lookup is on main, this module
is the one place that answers it for reports, with a query on the bookings table's
`by-therapist` index (never a scan).
"""
from __future__ import annotations

from emotecare.accounts.tokens import Principal
from emotecare.db.models import Booking
from emotecare.errors import ForbiddenError, NotFoundError

# A booking the therapist declined never made the person their patient.
_NOT_A_RELATIONSHIP = frozenset({"declined"})
ME = "me"


def is_patient_of(therapist_id: str, patient_id: str) -> bool:
    """Whether `patient_id` has (or had) a booking with `therapist_id`."""
    bookings = Booking.by_therapist.query(therapist_id,
                                          filter_condition=Booking.patient_id == patient_id)
    return any(b.status not in _NOT_A_RELATIONSHIP for b in bookings)


def readable_patient(principal: Principal, patient_ref: str) -> str:
    """The patient id behind `patient_ref` ("me" or an id) if `principal` may read their reports.

    Someone else's patient is reported as not found, so ids cannot be probed.
    """
    if principal.role == "patient":
        if patient_ref in (ME, principal.user_id):
            return principal.user_id
        raise NotFoundError("no such patient")
    if principal.role == "therapist":
        if patient_ref != ME and is_patient_of(principal.user_id, patient_ref):
            return patient_ref
        raise NotFoundError("no such patient")
    raise ForbiddenError("only the patient and their therapists may read reports")
