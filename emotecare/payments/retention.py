"""What is left of a payment record when its patient erases their account.

Tax and accounting law requires the record of a payment to be kept (for years), so GDPR
Art. 17(3)(b) exempts it from erasure; the patient's name and e-mail are removed from it and
the patient's id is replaced, so the record no longer leads back to the person here. The
amounts, dates, therapist and Stripe's PaymentIntent id stay (Stripe keeps its own copy under
its own legal duty).
"""
from __future__ import annotations

from emotecare.clock import iso_seconds, utc_now
from emotecare.db.payments import Payment

ERASED_PATIENT = "erased"


def strip_identity(payment: Payment) -> None:
    details = dict(payment.details or {})
    for key in ("patient_name", "patient_email", "card"):
        details.pop(key, None)
    details["patient_erased_at"] = iso_seconds(utc_now())
    payment.update(actions=[Payment.patient_id.set(ERASED_PATIENT),
                            Payment.details.set(details)])
