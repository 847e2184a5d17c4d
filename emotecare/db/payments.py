"""Payment records: one per paid booking, and the Stripe events already handled.

Amounts are integers in the currency's minor unit (cents, pence), as Stripe counts them.
"""
from __future__ import annotations

from pynamodb.attributes import (
    JSONAttribute, ListAttribute, NumberAttribute, TTLAttribute, UnicodeAttribute)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model


class _PaymentsByPatient(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-patient"
        projection = AllProjection()

    patient_id = UnicodeAttribute(hash_key=True)
    created_at = UnicodeAttribute(range_key=True)


class _PaymentsByTherapist(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-therapist"
        projection = AllProjection()

    therapist_id = UnicodeAttribute(hash_key=True)
    created_at = UnicodeAttribute(range_key=True)


class _PaymentsByIntent(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-intent"
        projection = AllProjection()

    payment_intent_id = UnicodeAttribute(hash_key=True)


class Payment(Model):
    """The money side of one booking (`booking_id` is the key: one payment per booking).

    `status`: free (nothing to pay) | authorised (held on the card) | captured (paid) |
    released (hold cancelled, nothing paid) | failed (card declined). Refunds are listed in
    `refunds` and summed in `refunded`; `captured` is what was taken.
    """

    class Meta:
        table_name = "payments"

    booking_id = UnicodeAttribute(hash_key=True)
    patient_id = UnicodeAttribute()
    therapist_id = UnicodeAttribute()
    created_at = UnicodeAttribute()
    status = UnicodeAttribute()
    currency = UnicodeAttribute()
    list_price = NumberAttribute()  # the therapist's price for the session
    amount = NumberAttribute()  # what was authorised
    due = NumberAttribute()  # what the session costs the patient (reduced fee applied)
    captured = NumberAttribute(default=0)
    refunded = NumberAttribute(default=0)
    payment_intent_id = UnicodeAttribute(null=True)
    captured_at = UnicodeAttribute(null=True)
    # reduced fee request, policy in force at booking, refunds, receipt facts, history
    details = JSONAttribute(default=dict)
    # Written by other hands than the money's changes, each in its own attribute so no
    # writer overwrites another's: the therapist's superbill codes, Stripe's webhook news.
    superbill = JSONAttribute(default=dict)
    stripe_status = UnicodeAttribute(null=True)
    stripe_events = ListAttribute(null=True)  # [{id, type, at}], appended atomically
    by_patient = _PaymentsByPatient()
    by_therapist = _PaymentsByTherapist()
    by_intent = _PaymentsByIntent()


class StripeEvent(Model):
    """A Stripe webhook event already handled: a second delivery changes nothing."""

    class Meta:
        table_name = "stripe-events"

    event_id = UnicodeAttribute(hash_key=True)
    event_type = UnicodeAttribute()
    received_at = UnicodeAttribute()
    expires_at = TTLAttribute()  # Stripe retries for 3 days; kept 30
