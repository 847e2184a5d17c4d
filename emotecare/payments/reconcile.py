"""Compare our payment records with Stripe's and report every difference (nightly)."""
from __future__ import annotations

from emotecare.clock import iso_seconds, utc_now
from emotecare.db.payments import Payment
from emotecare.log import get_logger
from emotecare.payments.gateway import StripeGateway

logger = get_logger("payments")
# Our status → the PaymentIntent status it must have at Stripe.
EXPECTED_STRIPE_STATUS = {"authorised": "requires_capture", "captured": "succeeded",
                          "released": "canceled"}


def reconcile(gateway: StripeGateway) -> dict:
    """Every payment of ours against its PaymentIntent, and every booking PaymentIntent at
    Stripe against our records; differences are logged as warnings and returned."""
    ours = {p.payment_intent_id: p for p in Payment.scan() if p.payment_intent_id}
    theirs = {i.payment_intent_id: i for i in gateway.all_intents()}
    differences = []
    for intent_id, payment in ours.items():
        facts = theirs.get(intent_id)
        if facts is None:
            differences.append({"booking_id": payment.booking_id, "payment_intent_id": intent_id,
                                "problem": "missing at Stripe"})
            continue
        expected = EXPECTED_STRIPE_STATUS.get(payment.status)
        if expected and facts.status != expected:
            differences.append({"booking_id": payment.booking_id, "payment_intent_id": intent_id,
                                "problem": "status", "ours": payment.status,
                                "stripe": facts.status})
        our_net = int(payment.captured) - int(payment.refunded)
        if facts.net_received != our_net:
            differences.append({"booking_id": payment.booking_id, "payment_intent_id": intent_id,
                                "problem": "amount", "ours": our_net,
                                "stripe": facts.net_received})
    for intent_id, facts in theirs.items():
        if intent_id not in ours and facts.booking_id and facts.status not in (
                "canceled", "requires_payment_method"):  # declined cards hold nothing
            differences.append({"booking_id": facts.booking_id, "payment_intent_id": intent_id,
                                "problem": "missing in our records", "stripe": facts.status})
    for difference in differences:
        logger.warning("payment differs from Stripe", extra=difference)
    return {"checked_at": iso_seconds(utc_now()), "payments": len(ours),
            "stripe_intents": len(theirs), "differences": differences}
