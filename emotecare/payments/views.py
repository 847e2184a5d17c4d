"""Payments as either side sees them, and a therapist's earnings by month."""
from __future__ import annotations

from collections import defaultdict

from emotecare.accounts.tokens import Principal
from emotecare.db.models import User
from emotecare.db.payments import Payment
from emotecare.payments.charges import load_payment

# What the platform keeps of each paid session before the therapist's payout (none today;
# with Stripe Connect it becomes the PaymentIntent's `application_fee_amount`).
PLATFORM_FEE_PERCENT = 0


def payment_view(payment: Payment, viewer: str, names: dict[str, str] | None = None) -> dict:
    details = payment.details or {}
    view = {
        "booking_id": payment.booking_id, "therapist_id": payment.therapist_id,
        "starts_at": details.get("starts_at"), "created_at": payment.created_at,
        "status": payment.status, "currency": payment.currency,
        "list_price": int(payment.list_price), "due": int(payment.due),
        "authorised": int(payment.amount), "captured": int(payment.captured),
        "refunded": int(payment.refunded),
        "net": int(payment.captured) - int(payment.refunded),
        "captured_at": payment.captured_at, "card": details.get("card"),
        "reduced_fee": details.get("reduced_fee"),
        "free_first_session": bool(details.get("free_first_session")),
        "cancellation_policy": details.get("policy"),
        "late_fee": any(e.get("event") == "late_fee" for e in details.get("history", [])),
        "refunds": [{k: r[k] for k in ("amount", "reason", "by", "at")}
                    for r in details.get("refunds", [])],
        "superbill_available": payment.status == "captured"
        and int(payment.captured) > int(payment.refunded),
    }
    if viewer != "patient":
        view["patient_id"] = payment.patient_id
        view["patient_name"] = details.get("patient_name", "")
        view["diagnosis_codes"] = (payment.superbill or {}).get("diagnosis_codes", [])
    if names is not None:
        view["therapist_name"] = names.get(payment.therapist_id, "")
    return view


def _names(ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    return {u.user_id: u.name for u in User.batch_get(list(ids),
                                                        attributes_to_get=["user_id", "name"])}


def my_payments(patient: Principal) -> dict:
    payments = list(Payment.by_patient.query(patient.user_id, scan_index_forward=False))
    names = _names({p.therapist_id for p in payments})
    return {"payments": [payment_view(p, "patient", names) for p in payments]}


def therapist_payments(therapist: Principal) -> dict:
    payments = list(Payment.by_therapist.query(therapist.user_id, scan_index_forward=False))
    names = _names({therapist.user_id})
    return {"payments": [payment_view(p, "therapist", names) for p in payments]}


def get_payment(principal: Principal, booking_id: str) -> dict:
    payment = load_payment(principal, booking_id)
    viewer = "patient" if principal.user_id == payment.patient_id else principal.role
    return payment_view(payment, viewer, _names({payment.therapist_id}))


def earnings(therapist: Principal) -> dict:
    """Per month of capture: paid sessions, fees taken, refunds, and what is owed to them."""
    months: dict[str, dict] = defaultdict(lambda: {"sessions": 0, "late_fees": 0, "fees": 0,
                                                   "refunds": 0})
    currencies = set()
    for payment in Payment.by_therapist.query(therapist.user_id):
        if not payment.captured_at:
            continue
        month = months[payment.captured_at[:7]]
        currencies.add(payment.currency)
        late = any(e.get("event") == "late_fee" for e in payment.details.get("history", []))
        month["late_fees" if late else "sessions"] += 1
        month["fees"] += int(payment.captured)
        month["refunds"] += int(payment.refunded)
    rows = []
    for key in sorted(months, reverse=True):
        m = months[key]
        net = m["fees"] - m["refunds"]
        platform_fee = net * PLATFORM_FEE_PERCENT // 100
        rows.append({"month": key, **m, "net": net, "platform_fee": platform_fee,
                     "owed": net - platform_fee})
    return {"currency": sorted(currencies)[0] if len(currencies) == 1 else None,
            "months": rows, "total_owed": sum(r["owed"] for r in rows),
            "payouts": "not made by EmoteCare yet: see docs/payments.md (Stripe Connect)"}
