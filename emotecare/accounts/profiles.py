"""The signed-in user's own profile, and who their current therapist is."""
from __future__ import annotations

from pynamodb.exceptions import DoesNotExist

from emotecare.accounts.safety_contacts import CONTACT_FIELDS, contact_updates, contact_view, parse_location
from emotecare.accounts.tokens import Principal
from emotecare.clock import iso, iso_seconds, utc_now
from emotecare.care.relationships import relationship_view, request_care
from emotecare.therapists.licensing import require_licensed_for
from emotecare.db.models import Therapist, User
from emotecare.errors import AuthenticationError, ForbiddenError
from emotecare.fields import Fields


def user_by_email(email: str) -> User | None:
    return next(iter(User.by_email.query(email.lower(), limit=1)), None)


def load_user(user_id: str) -> User:
    """The caller's own account row; a valid token of a deleted account gets a 401."""
    try:
        return User.get(user_id)
    except DoesNotExist as exc:
        raise AuthenticationError("this account no longer exists") from exc


def _status(user: User) -> str:
    if user.role == "therapist":
        try:
            return Therapist.get(user.user_id).status
        except DoesNotExist:
            return "pending"
    return (user.profile or {}).get("status", "active")


def public_user(user: User) -> dict:
    profile = user.profile or {}
    data = {"user_id": user.user_id, "email": user.email, "role": user.role, "name": user.name,
            "time_zone": user.time_zone, "country": user.country, "status": _status(user)}
    if user.role == "patient":
        data["therapist_id"] = profile.get("therapist_id")
        data.update(contact_view(profile))
    return data


def get_me(principal: Principal) -> dict:
    return public_user(load_user(principal.user_id))


def update_me(principal: Principal, body: dict) -> dict:
    f = Fields(body, ("name", "time_zone", "country", *CONTACT_FIELDS))
    user = load_user(principal.user_id)
    actions = []
    contacts = contact_updates(f)
    if contacts:
        if user.role != "patient":
            raise ForbiddenError("only patients give a phone number and an emergency contact here")
        actions.append(User.profile.set({**(user.profile or {}), **contacts}))
    if f.has("name"):
        actions.append(User.name.set(f.text("name", max_len=100)))
    if f.has("time_zone"):
        actions.append(User.time_zone.set(f.time_zone("time_zone")))
    if f.has("country"):
        country = f.text("country", max_len=2, min_len=2).upper()
        if not country.isalpha():
            raise f.fail("country", "must be a two-letter country code")
        actions.append(User.country.set(country))
    if actions:
        user.update(actions=actions)
    return public_user(user)


def choose_therapist(principal: Principal, body: dict) -> dict:
    """Ask an approved therapist for care: the request becomes active care once they accept
    (`emotecare.care.relationships`); care with any other therapist ends now (a switch).

    Private notes belong to the therapist who wrote them, so a new therapist starts with
    none of the previous one's.
    """
    f = Fields(body, ("therapist_id",))
    therapist_id = f.text("therapist_id", max_len=64)
    try:
        therapist = Therapist.get(therapist_id)
    except DoesNotExist:
        therapist = None
    if therapist is None or therapist.status != "approved":
        raise f.fail("therapist_id", "no such therapist")
    user = load_user(principal.user_id)
    require_licensed_for(therapist, user)
    care = request_care(principal, therapist_id)
    profile = dict(user.profile or {})
    previous = profile.get("therapist_id")
    if previous != therapist_id:
        history = list(profile.get("therapist_history", []))
        if previous:
            history.append({"therapist_id": previous, "until": iso_seconds(utc_now())})
        profile.update(therapist_id=therapist_id, therapist_history=history)
        user.update(actions=[User.profile.set(profile)])
    return {**public_user(user), "care": relationship_view(care)}



def confirm_location(principal: Principal, body: dict) -> dict:
    """`POST /me/location`: where the patient is right now (asked as each session starts), so
    an alert shows the therapist the emergency number of that place."""
    location = {**parse_location(body), "confirmed_at": iso(utc_now())}
    user = load_user(principal.user_id)
    user.update(actions=[User.profile.set({**(user.profile or {}), "location": location})])
    return {"location": location}
