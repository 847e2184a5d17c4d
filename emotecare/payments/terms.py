"""A therapist's payment terms: whether they take payment, reduced-fee places, a free first
session and the late-cancellation fee; and the cancellation policy they make."""
from __future__ import annotations

from datetime import timedelta

from emotecare.accounts.tokens import Principal
from emotecare.db.models import Therapist
from emotecare.fields import Fields
from emotecare.therapists.profiles import approved_therapist, load_therapist

FREE_CANCELLATION = timedelta(hours=24)
DEFAULT_LATE_FEE_PERCENT = 50
DEFAULT_TERMS = {
    # Off until the therapist's payout account is connected (Stripe Connect on AWS): until
    # then bookings with them are free, as before payments existed.
    "accepts_payments": False,
    "reduced_fee_places": 0,  # how many patients at a time may pay a reduced fee
    "reduced_fee_bands": [],  # percentages of the price a reduced-fee patient pays, e.g. 50, 25
    "first_session_free": False,
    "late_cancel_fee_percent": DEFAULT_LATE_FEE_PERCENT,
}


def terms_of(therapist: Therapist) -> dict:
    profile = therapist.profile or {}
    return {**DEFAULT_TERMS, **profile.get("payment_terms", {}),
            "price_per_session": profile.get("price_per_session") or 0,
            "currency": profile.get("currency") or "USD"}


def minor_units(price: float) -> int:
    return int(round(float(price) * 100))


def cancellation_policy(terms: dict) -> str:
    """The policy in words: shown before booking and in the confirmation mail."""
    return ("Free to cancel up to 24 hours before the session. A later cancellation, or not "
            f"coming, costs {terms['late_cancel_fee_percent']} % of the session's fee"
            + (" (your therapist may waive it)." if terms["late_cancel_fee_percent"] else "."))


def public_terms(therapist_id: str) -> dict:
    """What a patient sees before booking."""
    terms = terms_of(approved_therapist(therapist_id))
    return {"accepts_payments": terms["accepts_payments"],
            "price_per_session": terms["price_per_session"], "currency": terms["currency"],
            "reduced_fee_bands": terms["reduced_fee_bands"] if terms["reduced_fee_places"] else [],
            "first_session_free": terms["first_session_free"],
            "late_cancel_fee_percent": terms["late_cancel_fee_percent"],
            "cancellation_policy": cancellation_policy(terms)}


def own_terms(therapist: Principal) -> dict:
    terms = terms_of(load_therapist(therapist.user_id))
    return {**terms, "cancellation_policy": cancellation_policy(terms)}


def update_own_terms(therapist: Principal, body: dict) -> dict:
    f = Fields(body, tuple(DEFAULT_TERMS))
    changes: dict = {}
    if f.has("accepts_payments"):
        changes["accepts_payments"] = f.boolean("accepts_payments")
    if f.has("reduced_fee_places"):
        changes["reduced_fee_places"] = f.integer("reduced_fee_places", lo=0, hi=100)
    if f.has("reduced_fee_bands"):
        bands = f.items("reduced_fee_bands", _band, max_items=5)
        changes["reduced_fee_bands"] = sorted(set(bands), reverse=True)
    if f.has("first_session_free"):
        changes["first_session_free"] = f.boolean("first_session_free")
    if f.has("late_cancel_fee_percent"):
        changes["late_cancel_fee_percent"] = f.integer("late_cancel_fee_percent", lo=0, hi=100)
    record = load_therapist(therapist.user_id)
    profile = dict(record.profile or {})
    profile["payment_terms"] = {**profile.get("payment_terms", {}), **changes}
    record.update(actions=[Therapist.profile.set(profile)])
    return own_terms(therapist)


def _band(value, name: str) -> int:
    from emotecare.errors import ValidationError

    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 99:
        raise ValidationError(f"{name}: a percentage of the price from 1 to 99", field=name)
    return value


def booking_policy(booking) -> str:
    """The policy a booking was made under (its payment keeps it), else today's default."""
    from emotecare.db.payments import Payment

    try:
        return Payment.get(booking.booking_id).details["policy"]
    except Payment.DoesNotExist:
        return "Free to cancel up to 24 hours before the session."
