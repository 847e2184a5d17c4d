"""Stripe's webhook: signed, each event handled once, unknown objects acknowledged."""
from __future__ import annotations

from datetime import timedelta

from pynamodb.exceptions import PutError

from emotecare.clock import iso_seconds, utc_now
from emotecare.db.payments import Payment, StripeEvent
from emotecare.log import get_logger
from emotecare.payments.gateway import StripeGateway

logger = get_logger("payments")
KEEP_EVENT_IDS = timedelta(days=30)  # Stripe retries a delivery for up to 3 days


def _first_delivery(event: dict) -> bool:
    """Record the event id; False when it was recorded before (a retry or a replay)."""
    now = utc_now()
    try:
        StripeEvent(event["id"], event_type=event.get("type", ""), received_at=iso_seconds(now),
                    expires_at=now + KEEP_EVENT_IDS).save(
            condition=StripeEvent.event_id.does_not_exist())
        return True
    except PutError:
        return False


def handle_webhook(gateway: StripeGateway, payload: bytes, signature: str) -> dict:
    """Verify the signature (400 otherwise), then apply the event once."""
    event = gateway.verified_event(payload, signature)
    if not _first_delivery(event):
        return {"received": True, "duplicate": True}
    obj = (event.get("data") or {}).get("object") or {}
    payment = None
    if obj.get("object") == "payment_intent" and obj.get("id"):
        payment = next(iter(Payment.by_intent.query(obj["id"])), None)
    if payment is None:
        logger.info("stripe event for an object we do not know",
                    extra={"event_id": event["id"], "type": event.get("type"),
                           "object": obj.get("object"), "object_id": obj.get("id")})
        return {"received": True, "unknown_object": True}
    news = {"id": event["id"], "type": event.get("type"), "at": iso_seconds(utc_now())}
    payment.update(actions=[Payment.stripe_status.set(obj.get("status")),
                            Payment.stripe_events.set(
                                (Payment.stripe_events | []).append([news]))])
    return {"received": True}
