"""Who the patient is to us in a crisis: their country (for helplines) and their therapist."""
from __future__ import annotations

from dataclasses import dataclass

from pynamodb.exceptions import DoesNotExist

from emotecare.accounts.profiles import load_user
from emotecare.care.access import current_therapist
from emotecare.db.models import Therapist, User


@dataclass(frozen=True)
class PatientContext:
    """What a crisis reply and a safety event need to know about the patient."""

    patient_id: str
    name: str
    email: str
    country: str
    therapist_id: str | None
    therapist_name: str | None


def load_patient_context(patient_id: str) -> PatientContext:
    """The patient's country and current therapist (401 if the account is gone)."""
    user = load_user(patient_id)
    therapist_id = find_current_therapist(user)
    return PatientContext(patient_id=user.user_id, name=user.name, email=user.email,
                          country=user.country or "", therapist_id=therapist_id,
                          therapist_name=_therapist_name(therapist_id))


def find_current_therapist(patient: User) -> str | None:
    """The therapist in active care of the patient (`emotecare.care.access.current_therapist`):
    a request not yet accepted or a booking not yet confirmed makes nobody their therapist."""
    return current_therapist(patient)


def _therapist_name(therapist_id: str | None) -> str | None:
    if not therapist_id:
        return None
    try:
        name = (Therapist.get(therapist_id).profile or {}).get("name")
    except DoesNotExist:
        name = None
    if name:
        return name
    try:
        return User.get(therapist_id).name or None
    except DoesNotExist:
        return None
