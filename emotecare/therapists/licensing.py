"""Where a therapist may practise, and whether that covers a patient's location.

A therapist may only treat patients where they are licensed, so matching, booking and
asking for care offer only therapists licensed for the patient's location. Jurisdictions
and locations are ISO 3166 codes: a country ("GB", "US") or a subdivision ("US-NY").
A licence for a country covers all of it; a licence for a subdivision covers only a patient
located there, so a patient who gave only "US" is not offered a therapist licensed only in
"US-NY". The patient's location is what they gave at intake (`location`), else the country
of their sign-up.
"""
from __future__ import annotations

import re

from emotecare.db.models import Therapist, User
from emotecare.errors import ValidationError

_CODE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
_ALIASES = {"UK": "GB"}  # the common name of the United Kingdom, not its ISO code
MAX_JURISDICTIONS = 20


def parse_jurisdictions(text: str, field: str = "jurisdiction") -> tuple[str, ...]:
    """"US-NY, GB" → ("US-NY", "GB"); a 400 naming `field` for anything else."""
    codes = []
    for part in re.split(r"[,;\s]+", text.strip().upper()):
        if not part:
            continue
        code = _ALIASES.get(part, part)
        if not _CODE.match(code):
            raise ValidationError(f"{field}: {part!r} is not an ISO 3166 code such as GB or "
                                  "US-NY (separate several with commas)", field=field)
        codes.append(code)
    if not codes or len(codes) > MAX_JURISDICTIONS:
        raise ValidationError(f"{field}: name 1 to {MAX_JURISDICTIONS} places such as GB or "
                              "US-NY", field=field)
    return tuple(dict.fromkeys(codes))


def parse_location(text: str, field: str = "location") -> str:
    codes = parse_jurisdictions(text, field)
    if len(codes) != 1:
        raise ValidationError(f"{field}: give one place, e.g. GB or US-NY", field=field)
    return codes[0]


def licensed_in(therapist: Therapist) -> tuple[str, ...]:
    """The therapist's jurisdictions (none when the stored text is not codes)."""
    try:
        return parse_jurisdictions((therapist.profile or {}).get("jurisdiction") or "")
    except ValidationError:
        return ()


INTAKE_LOCATION = "intake_location"  # profile key; "location" is where they confirmed being


def patient_location(patient: User) -> str:
    """Where the patient is for licensing: the place they gave at intake (e.g. US-NY), else
    the country they last confirmed being in before a session, else their sign-up country."""
    profile = patient.profile or {}
    confirmed = profile.get("location")
    confirmed_country = confirmed.get("country") if isinstance(confirmed, dict) else None
    return (profile.get(INTAKE_LOCATION) or confirmed_country or patient.country or "").upper()


def covers(jurisdictions: tuple[str, ...], location: str) -> bool:
    country = location.split("-")[0]
    return any(j == location or j == country for j in jurisdictions)


def require_licensed_for(therapist: Therapist, patient: User, field: str = "therapist_id") -> None:
    """A 400 when the therapist may not practise where the patient is."""
    location = patient_location(patient)
    places = licensed_in(therapist)
    if not covers(places, location):
        name = (therapist.profile or {}).get("name") or "This therapist"
        raise ValidationError(
            f"{field}: {name} is licensed in {', '.join(places) or 'no place we recognise'} "
            f"and cannot treat a patient in {location or 'an unknown place'}; choose a therapist "
            "licensed where you are", field=field)
