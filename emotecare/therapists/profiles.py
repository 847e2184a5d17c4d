"""Therapist profiles: what therapists edit, what patients browse, and the filters."""
from __future__ import annotations

import re

from pynamodb.exceptions import DoesNotExist

from emotecare.therapists.licensing import licensed_in, parse_jurisdictions
from emotecare.accounts.tokens import Principal
from emotecare.db.models import Therapist, User
from emotecare.errors import NotFoundError, ValidationError
from emotecare.fields import Fields

THERAPY_TYPES = ("individual", "couple", "family")
SPECIALTIES = ("anxiety", "depression", "stress", "relationships", "grief", "trauma",
               "addiction", "sleep", "self_esteem", "anger", "ocd", "eating", "lgbtq",
               "work", "parenting", "loneliness")
_LANGUAGE = re.compile(r"^[a-z]{2}$")
# Changing these needs a fresh check by an admin.
_VETTED_FIELDS = ("credentials", "licence_number", "jurisdiction")
_PROFILE_FIELDS = ("name", "photo_url", "bio", "credentials", "licence_number", "jurisdiction",
                   "years_experience", "therapy_types", "specialties", "languages", "time_zone",
                   "price_per_session", "currency")
PUBLIC_FIELDS = tuple(f for f in _PROFILE_FIELDS if f != "licence_number")


def load_therapist(therapist_id: str) -> Therapist:
    try:
        return Therapist.get(therapist_id)
    except DoesNotExist as exc:
        raise NotFoundError("no such therapist") from exc


def approved_therapist(therapist_id: str, field: str | None = None) -> Therapist:
    """An approved therapist; unknown or unapproved → 404 (or 400 on `field` for bodies)."""
    try:
        therapist = Therapist.get(therapist_id) if therapist_id else None
    except DoesNotExist:
        therapist = None
    if therapist is None or therapist.status != "approved":
        if field:
            raise ValidationError(f"{field}: no such therapist", field=field)
        raise NotFoundError("no such therapist")
    return therapist


def public_profile(therapist: Therapist) -> dict:
    profile = therapist.profile or {}
    data = {name: profile.get(name) for name in PUBLIC_FIELDS}
    data.update(therapist_id=therapist.therapist_id, licensed_in=list(licensed_in(therapist)),
                therapy_types=profile.get("therapy_types", []),
                specialties=profile.get("specialties", []),
                languages=profile.get("languages", []))
    return data


def own_profile(therapist: Therapist) -> dict:
    """What the therapist (or an admin) sees: everything, including approval state."""
    return {**public_profile(therapist), "licence_number": (therapist.profile or {}).get(
        "licence_number"), "status": therapist.status,
        "approval": (therapist.profile or {}).get("approval"),
        "availability": therapist.availability or {"weekly": [], "exceptions": []}}


def _languages(value, name):
    if not isinstance(value, str) or not _LANGUAGE.match(value):
        raise ValidationError(f"{name}: must be a two-letter language code such as en",
                              field=name)
    return value


def update_own_profile(principal: Principal, body: dict) -> dict:
    """Set the given profile fields; changing vetted fields sends the profile back to review."""
    f = Fields(body, _PROFILE_FIELDS)
    changes: dict = {}
    for name, max_len in (("name", 100), ("bio", 2000), ("credentials", 300),
                          ("licence_number", 60), ("jurisdiction", 60)):
        if f.has(name):
            changes[name] = f.text(name, max_len=max_len)
    if "jurisdiction" in changes:  # where they may practise: matching and booking rely on it
        parse_jurisdictions(changes["jurisdiction"])
    if f.has("photo_url"):
        url = f.text("photo_url", max_len=500)
        if not re.match(r"^(https://|img/)[^\s\"'<>]+$", url):
            raise f.fail("photo_url", "must be an https URL")
        changes["photo_url"] = url
    if f.has("years_experience"):
        changes["years_experience"] = f.integer("years_experience", lo=0, hi=70)
    if f.has("therapy_types"):
        changes["therapy_types"] = f.texts("therapy_types", max_items=3, choices=THERAPY_TYPES)
    if f.has("specialties"):
        changes["specialties"] = f.texts("specialties", max_items=len(SPECIALTIES),
                                         choices=SPECIALTIES)
    if f.has("languages"):
        changes["languages"] = list(dict.fromkeys(f.items("languages", _languages,
                                                          max_items=20)))
    if f.has("time_zone"):
        changes["time_zone"] = f.time_zone("time_zone")
    if f.has("price_per_session"):
        changes["price_per_session"] = f.number("price_per_session", lo=0, hi=10_000)
    if f.has("currency"):
        changes["currency"] = f.choice("currency", ("USD", "EUR", "GBP"))
    therapist = _own_record(principal)
    profile = {**(therapist.profile or {}), **changes}
    status = therapist.status
    if status == "approved" and any(
            changes.get(k, profile.get(k)) != (therapist.profile or {}).get(k)
            for k in _VETTED_FIELDS if k in changes):
        status = "pending"
    therapist.update(actions=[Therapist.profile.set(profile), Therapist.status.set(status)])
    if "name" in changes or "time_zone" in changes:
        # The account row shows the same name and zone (mails, booking lists use it).
        User(principal.user_id).update(actions=[
            *([User.name.set(changes["name"])] if "name" in changes else []),
            *([User.time_zone.set(changes["time_zone"])] if "time_zone" in changes else [])],
            condition=User.user_id.exists())
    return own_profile(therapist)


def _own_record(principal: Principal) -> Therapist:
    try:
        return Therapist.get(principal.user_id)
    except DoesNotExist:
        # A therapist made by an operator (no sign-up): start their record now.
        therapist = Therapist(principal.user_id, status="pending", profile={},
                              availability={"weekly": [], "exceptions": []})
        therapist.save()
        return therapist


def get_own_profile(principal: Principal) -> dict:
    return own_profile(_own_record(principal))


def get_profile(therapist_id: str, viewer: Principal | None) -> dict:
    """The public profile; unapproved ones only for themselves and admins."""
    therapist = load_therapist(therapist_id)
    if viewer and (viewer.role == "admin" or viewer.user_id == therapist_id):
        return own_profile(therapist)
    if therapist.status != "approved":
        raise NotFoundError("no such therapist")
    return public_profile(therapist)


def list_therapists(query: dict) -> dict:
    """Approved therapists matching the filters, cheapest first."""
    f = Fields(query, ("specialty", "language", "therapy_type", "max_price"))
    specialty = f.choice("specialty", SPECIALTIES, default=None)
    language = _languages(query["language"], "language") if f.has("language") else None
    therapy_type = f.choice("therapy_type", THERAPY_TYPES, default=None)
    max_price = _number_param(query.get("max_price"), "max_price")
    found = []
    for therapist in Therapist.by_status.query("approved"):
        p = therapist.profile or {}
        if specialty and specialty not in p.get("specialties", []):
            continue
        if language and language not in p.get("languages", []):
            continue
        if therapy_type and therapy_type not in p.get("therapy_types", []):
            continue
        if max_price is not None and float(p.get("price_per_session") or 0) > max_price:
            continue
        found.append(public_profile(therapist))
    found.sort(key=lambda t: (float(t.get("price_per_session") or 0), t.get("name") or ""))
    return {"therapists": found}


def _number_param(raw, name: str) -> float | None:
    if raw is None:
        return None
    try:
        value = float(raw)
    except ValueError as exc:
        raise ValidationError(f"{name}: must be a number", field=name) from exc
    if not 0 <= value <= 100_000:
        raise ValidationError(f"{name}: must be between 0 and 100000", field=name)
    return value
