"""The one place that talks to Stripe (the official SDK); the rest of the package asks it.

Card details never come here: the page hands them to Stripe.js, which gives us back a
PaymentMethod id (`pm_…`) attached to the patient's Stripe customer.
"""
from __future__ import annotations

from dataclasses import dataclass

import stripe

from emotecare.errors import PaymentError, ValidationError
from emotecare.log import get_logger

logger = get_logger("payments")


@dataclass(frozen=True)
class Authorisation:
    payment_intent_id: str
    status: str  # requires_capture when the hold is in place


@dataclass(frozen=True)
class IntentFacts:
    """What Stripe says about one PaymentIntent (for reconciliation)."""

    payment_intent_id: str
    booking_id: str | None
    status: str
    amount: int
    net_received: int  # captured minus refunded (localstripe leaves amount_received unset)


class StripeGateway:
    def __init__(self, secret_key: str, publishable_key: str, webhook_secret: str,
                 api_base: str | None = None):
        addresses = {"api": api_base} if api_base else {}
        self._client = stripe.StripeClient(secret_key, base_addresses=addresses,
                                           max_network_retries=2)
        self.publishable_key = publishable_key
        self._webhook_secret = webhook_secret

    @property
    def v1(self):
        return self._client.v1

    def create_customer(self, email: str, user_id: str) -> str:
        return self.v1.customers.create(params={"email": email,
                                                "metadata": {"user_id": user_id}}).id

    def card_setup(self, customer_id: str) -> str:
        """A SetupIntent's client secret: Stripe.js confirms the card against it."""
        intent = self.v1.setup_intents.create(params={"customer": customer_id,
                                                      "usage": "off_session"})
        return intent.client_secret

    def card_of(self, payment_method_id: str) -> tuple[str | None, str]:
        """(customer the card belongs to, "visa •••• 4242")."""
        try:
            method = self.v1.payment_methods.retrieve(payment_method_id).to_dict()
        except stripe.InvalidRequestError as exc:
            raise ValidationError("payment_method_id: no such card",
                                  field="payment_method_id") from exc
        card = method.get("card") or {}
        return method.get("customer"), f"{card.get('brand', 'card')} •••• {card.get('last4', '')}"

    def attach_card(self, payment_method_id: str, customer_id: str) -> None:
        self.v1.payment_methods.attach(payment_method_id, params={"customer": customer_id})

    def forget_card(self, payment_method_id: str) -> None:
        self.v1.payment_methods.detach(payment_method_id)

    def authorise(self, *, amount: int, currency: str, customer_id: str,
                  payment_method_id: str, booking_id: str) -> Authorisation:
        """Hold `amount` on the card (manual capture), or raise `PaymentError`."""
        try:
            intent = self.v1.payment_intents.create(params={
                "amount": amount, "currency": currency.lower(), "customer": customer_id,
                "payment_method": payment_method_id, "capture_method": "manual",
                "confirm": True, "metadata": {"booking_id": booking_id}},
                options={"idempotency_key": f"authorise-{booking_id}"})
        except stripe.CardError as exc:
            raise PaymentError(f"the card was declined: {exc.user_message or 'try another'}") from exc
        if intent.status != "requires_capture":
            self._cancel_quietly(intent.id)
            raise PaymentError("the card was declined: try another card")
        return Authorisation(intent.id, intent.status)

    def capture(self, payment_intent_id: str, amount: int) -> None:
        self.v1.payment_intents.capture(payment_intent_id,
                                        params={"amount_to_capture": amount})

    def release(self, payment_intent_id: str) -> None:
        self.v1.payment_intents.cancel(payment_intent_id)

    def _cancel_quietly(self, payment_intent_id: str) -> None:
        try:
            self.release(payment_intent_id)
        except stripe.StripeError:
            logger.warning("could not cancel a declined intent",
                           extra={"payment_intent_id": payment_intent_id})

    def refund(self, payment_intent_id: str, amount: int, reason: str, key: str) -> str:
        refund = self.v1.refunds.create(params={
            "payment_intent": payment_intent_id, "amount": amount,
            "metadata": {"reason": reason[:500]}}, options={"idempotency_key": key})
        return refund.id

    def intent_facts(self, payment_intent_id: str) -> IntentFacts:
        intent = self.v1.payment_intents.retrieve(payment_intent_id,
                                                  params={"expand": ["latest_charge"]})
        return _facts(intent)

    def all_intents(self) -> list[IntentFacts]:
        found = []
        page = self.v1.payment_intents.list(params={"limit": 100})
        for intent in page.auto_paging_iter():
            found.append(_facts(intent))
        return found

    def verified_event(self, payload: bytes, signature: str) -> dict:
        """The event if Stripe signed it within the last 5 minutes; `ValidationError` if not."""
        try:
            event = stripe.Webhook.construct_event(payload, signature, self._webhook_secret)
        except (stripe.SignatureVerificationError, ValueError) as exc:
            raise ValidationError(f"webhook rejected: {exc}") from exc
        return event.to_dict()


def _facts(stripe_intent) -> IntentFacts:
    intent = stripe_intent.to_dict()
    charge = intent.get("latest_charge")
    net = 0
    if charge is not None and not isinstance(charge, str) and charge.get("captured"):
        net = int(charge.get("amount", 0)) - int(charge.get("amount_refunded", 0))
    return IntentFacts(intent["id"], (intent.get("metadata") or {}).get("booking_id"),
                       intent["status"], int(intent["amount"]), net)
