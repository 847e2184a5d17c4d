"""How to reach a patient in a crisis: their phone and an emergency contact (profile fields).

Patients give both at sign-up (or later on their account page) and confirm where they are
at the start of each session (`profiles.confirm_location`), as telehealth practice asks: the
therapist of an alert then knows whom to call and which emergency number serves the place
the patient is in now. Kept in the user's profile: `phone`, `emergency_contact {name, phone,
relationship}`, `location {country, region, city, session_id, confirmed_at}`.
"""
from __future__ import annotations

import re

from emotecare.fields import Fields

_PHONE = re.compile(r"^\+?[0-9 ()./-]{6,24}$")
MIN_PHONE_DIGITS = 6
CONTACT_FIELDS = ("phone", "emergency_contact")


def parse_phone(f: Fields, field: str) -> str:
    """A phone number as people write it: digits with spaces, dashes, dots, brackets, a leading +."""
    phone = f.text(field, max_len=24)
    if not _PHONE.match(phone) or sum(c.isdigit() for c in phone) < MIN_PHONE_DIGITS:
        raise f.fail(field, "must be a phone number (digits, optionally starting with + and the country code)")
    return phone


def contact_updates(f: Fields) -> dict:
    """The profile keys a sign-up or `PATCH /me` body sets (only those it gives).

    The emergency contact is `{name, phone, relationship?}`: someone the therapist may call
    if the patient is in danger and cannot be reached.
    """
    updates = {}
    if f.has("phone"):
        updates["phone"] = parse_phone(f, "phone")
    if f.has("emergency_contact"):
        contact = f.nested("emergency_contact", ("name", "phone", "relationship"))
        updates["emergency_contact"] = {
            "name": contact.text("name", max_len=100), "phone": parse_phone(contact, "phone"),
            "relationship": contact.text("relationship", max_len=60, min_len=0, default="")}
    return updates


def parse_location(body: dict) -> dict:
    """`{country, region?, city?, session_id?}`: where the patient says they are right now."""
    f = Fields(body, ("country", "region", "city", "session_id"))
    country = f.text("country", max_len=2, min_len=2).upper()
    if not country.isalpha():
        raise f.fail("country", "must be a two-letter country code")
    return {"country": country, "region": f.text("region", max_len=100, min_len=0, default=""),
            "city": f.text("city", max_len=100, min_len=0, default=""),
            "session_id": f.text("session_id", max_len=64, default=None)}


def contact_view(profile: dict) -> dict:
    """The patient's safety contacts as the API shows them (null where not given yet)."""
    return {"phone": profile.get("phone"), "emergency_contact": profile.get("emergency_contact"),
            "location": profile.get("location")}
