"""Paying therapists, cards made as Stripe.js makes them, and localstripe's own records."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import requests
import stripe

from tests.support.booking_people import patient, therapist  # noqa: F401
from tests.support.scheduling import book, slot_after

GOOD_CARD = "4242424242424242"
DECLINED_CARD = "4000000000000341"  # saves fine, declines when charged
PRICE = 80  # the paying therapist's price per session (8000 cents)


def set_terms(therapist, **terms):
    response = therapist.put("/therapists/me/payment-terms",
                             json={"accepts_payments": True, **terms})
    assert response.status_code == 200, response.text
    return response.json()


@pytest.fixture
def paying_therapist(people):
    therapist = people.therapist(price_per_session=PRICE, currency="USD")
    set_terms(therapist)
    return therapist


def add_card(stack, patient, number: str = GOOD_CARD) -> str:
    """What Stripe.js's confirmCardSetup does in the page: the card goes to (local)stripe,
    never to our API, which only ever sees the PaymentMethod id."""
    setup = patient.post("/payments/card-setup")
    assert setup.status_code == 200, setup.text
    secret = setup.json()["client_secret"]
    seti = secret.split("_secret_")[0]
    response = requests.post(f"{stack.stripe_url}/v1/setup_intents/{seti}/confirm", json={
        "key": setup.json()["publishable_key"], "use_stripe_sdk": True, "client_secret": secret,
        "payment_method_data": {"type": "card", "card": {
            "number": number, "exp_month": "12", "exp_year": "2030", "cvc": "123"}}}, timeout=10)
    assert response.status_code == 200, response.text
    return response.json()["payment_method"]


def book_paid(stack, patient, therapist, hours_ahead: float = 48, card: str | None = None,
              **extra):
    method = card or add_card(stack, patient)
    return book(patient, therapist.user_id, slot_after(patient, therapist.user_id, hours_ahead),
                payment_method_id=method, **extra)


@pytest.fixture
def stripe_records(stack):
    """localstripe's view, through the official SDK (as reconciliation reads it)."""
    return stripe.StripeClient(stack.env["EMOTECARE_STRIPE_SECRET_KEY"],
                               base_addresses={"api": stack.stripe_url}).v1


def stripe_net(records, payment_intent_id: str) -> int:
    intent = records.payment_intents.retrieve(payment_intent_id,
                                              params={"expand": ["latest_charge"]})
    charge = intent.latest_charge
    if charge is None or not charge.captured:
        return 0
    return charge.amount - charge.amount_refunded


def intent_of(stack, booking_id: str) -> str:
    item = stack.client("dynamodb").get_item(
        TableName=f"{stack.env['EMOTECARE_TABLE_PREFIX']}-payments",
        Key={"booking_id": {"S": booking_id}})["Item"]
    return item["payment_intent_id"]["S"]


def move_booking_to_now(stack, booking: dict, minutes: float = 2) -> None:
    """The clock jumps to the session: its booking starts in `minutes` (as
    `emotecare demo-session` books one), so both sides can join it now."""
    start = datetime.now(timezone.utc) + timedelta(minutes=minutes)
    fmt = "%Y-%m-%dT%H:%M:%SZ"
    stack.client("dynamodb").update_item(
        TableName=f"{stack.env['EMOTECARE_TABLE_PREFIX']}-bookings",
        Key={"booking_id": {"S": booking["booking_id"]}},
        UpdateExpression="SET starts_at = :s, ends_at = :e",
        ExpressionAttributeValues={":s": {"S": start.strftime(fmt)},
                                   ":e": {"S": (start + timedelta(hours=1)).strftime(fmt)}})


def paid_and_ended(stack, therapist, patient):
    booking = book_paid(stack, patient, therapist).json()
    assert therapist.post(f"/bookings/{booking['booking_id']}/confirm").status_code == 200
    move_booking_to_now(stack, booking)
    for user in (therapist, patient):
        assert user.post(f"/sessions/{booking['session_id']}/join").status_code == 200
    assert therapist.post(f"/sessions/{booking['session_id']}/end").status_code == 200
    return booking
