"""Who may read whose reports: a patient their own, a therapist the patients who booked them
(the bookings area's `is_patient_of`: an index query, declined requests aside)."""
from __future__ import annotations

from emotecare.accounts.tokens import Principal
from emotecare.bookings.access import is_patient_of
from emotecare.errors import ForbiddenError, NotFoundError

ME = "me"


def readable_patient(principal: Principal, patient_ref: str) -> str:
    """The patient id behind `patient_ref` ("me" or an id) if `principal` may read their reports.

    Someone else's patient is reported as not found, so ids cannot be probed.
    """
    if principal.role == "patient":
        if patient_ref in (ME, principal.user_id):
            return principal.user_id
        raise NotFoundError("no such patient")
    if principal.role == "therapist":
        if patient_ref != ME and len(patient_ref) <= 64 and is_patient_of(principal.user_id,
                                                                           patient_ref):
            return patient_ref
        raise NotFoundError("no such patient")
    raise ForbiddenError("only the patient and their therapists may read reports")
