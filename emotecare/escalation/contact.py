"""How the therapist reaches a patient after an alert: `GET /patients/{id}/contact`.

Only the patient's current therapist (the one alerts go to) may read it; for anyone else the
patient does not exist (404). The emergency number is the one of where the patient last said
they are (confirmed as each session starts), else of their account's country.
"""
from __future__ import annotations

from pynamodb.exceptions import DoesNotExist

from emotecare.accounts.safety_contacts import contact_view
from emotecare.accounts.tokens import Principal
from emotecare.care import access_log
from emotecare.db.models import User
from emotecare.errors import NotFoundError
from emotecare.escalation.care_team import find_current_therapist
from emotecare.safety import find_country_lines, find_emergency_number


def patient_contact(therapist: Principal, patient_id: str) -> dict:
    """Phone, emergency contact, last confirmed location and the emergency number there."""
    patient = _own_patient(therapist.user_id, patient_id)
    access_log.record_read(patient.user_id, therapist, "contact")  # the patient can see who looked
    profile = patient.profile or {}
    location = profile.get("location") or None
    country = (location or {}).get("country") or patient.country
    lines = find_country_lines(country)
    return {"patient_id": patient.user_id, "name": patient.name, "email": patient.email, **contact_view(profile),
            "account_country": patient.country,
            "emergency": {"country": country, "country_name": lines.country_name if lines else None,
                          "number": find_emergency_number(country),
                          "from_location": bool(location),
                          "helplines": [line.to_dict() for line in lines.helplines] if lines else []}}


def _own_patient(therapist_id: str, patient_id: str) -> User:
    try:
        patient = User.get(patient_id) if patient_id and len(patient_id) <= 64 else None
    except DoesNotExist:
        patient = None
    if patient is None or patient.role != "patient" or find_current_therapist(patient) != therapist_id:
        raise NotFoundError("no such patient")
    return patient
