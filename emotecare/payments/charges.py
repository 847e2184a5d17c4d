"""The money of a booking's life: authorise at booking, capture at the session's end,
release or charge the late fee on cancellation, reduced-fee decisions, refunds.

Bookings call the small hooks `plan_payment`, `authorise_booking`, `on_booking_ended` and
sessions call `capture_for_session`; each keeps the `Payment` row and Stripe in step.
Every state change is a conditional write on the row's `status`, so two requests (or a
retry) can never capture, release or refund twice.
"""
from __future__ import annotations

from dataclasses import dataclass

from pynamodb.exceptions import DoesNotExist, PutError, UpdateError

from emotecare.clock import iso_seconds, utc_now
from emotecare.accounts.profiles import load_user
from emotecare.accounts.tokens import Principal
from emotecare.db.models import Booking, Session, User
from emotecare.db.payments import Payment
from emotecare.errors import ConflictError, ForbiddenError, NotFoundError, ValidationError
from emotecare.fields import Fields, parse_instant
from emotecare.log import get_logger
from emotecare.payments.gateway import StripeGateway
from emotecare.payments.receipts import PaymentMail
from emotecare.payments.terms import cancellation_policy, minor_units, terms_of

logger = get_logger("payments")
PAYMENT_FIELDS = ("payment_method_id", "save_card", "reduced_fee_band")
# Bookings whose reduced fee holds one of the therapist's places.
_HOLDS_PLACE = ("pending", "confirmed")


@dataclass(frozen=True)
class PaymentPlan:
    """What a new booking will cost, decided (and validated) before its slot is claimed."""

    kind: str  # "free" | "card"
    currency: str
    list_price: int
    reduced_fee_band: int | None
    payment_method_id: str | None
    save_card: bool
    policy: str
    late_fee_percent: int


def plan_payment(therapist, patient: Principal, body: dict) -> PaymentPlan | None:
    """None when the therapist does not take payment (bookings stay free, as before)."""
    terms = terms_of(therapist)
    f = Fields({k: v for k, v in body.items() if k in PAYMENT_FIELDS}, PAYMENT_FIELDS)
    if not terms["accepts_payments"] or not terms["price_per_session"]:
        return None
    common = dict(currency=terms["currency"], list_price=minor_units(terms["price_per_session"]),
                  policy=cancellation_policy(terms),
                  late_fee_percent=int(terms["late_cancel_fee_percent"]))
    if terms["first_session_free"] and not _has_booked(patient.user_id, therapist.therapist_id):
        return PaymentPlan(kind="free", reduced_fee_band=None, payment_method_id=None,
                           save_card=False, **common)
    band = f.integer("reduced_fee_band", lo=1, hi=99, default=None)
    if band is not None and (band not in terms["reduced_fee_bands"]
                             or not terms["reduced_fee_places"]):
        raise f.fail("reduced_fee_band", "is not one this therapist offers: see "
                                         f"/therapists/{therapist.therapist_id}/payment-terms")
    if band is not None and _places_taken(therapist.therapist_id) >= terms["reduced_fee_places"]:
        raise f.fail("reduced_fee_band", "this therapist has no reduced-fee place free now")
    method = f.text("payment_method_id", max_len=100, default=None)
    saved = (load_user(patient.user_id).profile or {}).get("saved_card")
    if method is None and saved:
        method = saved["payment_method_id"]
    if method is None:
        raise ValidationError("payment_method_id: add a card to book this therapist "
                              "(POST /payments/card-setup, then Stripe.js)",
                              field="payment_method_id")
    return PaymentPlan(kind="card", reduced_fee_band=band, payment_method_id=method,
                       save_card=f.boolean("save_card", default=False), **common)


def _has_booked(patient_id: str, therapist_id: str) -> bool:
    """Whether this is not the patient's first session with the therapist: any earlier booking
    of theirs that the therapist did not decline (and that a card did not fail) counts."""
    return any(b.therapist_id == therapist_id and b.status not in ("declined", "payment_failed")
               for b in Booking.by_patient.query(patient_id))


def _places_taken(therapist_id: str) -> int:
    taken = 0
    for payment in Payment.by_therapist.query(therapist_id):
        reduced = (payment.details or {}).get("reduced_fee") or {}
        if reduced.get("status") in ("requested", "accepted") and payment.status == "authorised":
            taken += 1
    return taken


def customer_of(gateway: StripeGateway, user: User) -> str:
    """The patient's Stripe customer, made on first need."""
    profile = dict(user.profile or {})
    if not profile.get("stripe_customer_id"):
        profile["stripe_customer_id"] = gateway.create_customer(user.email, user.user_id)
        user.update(actions=[User.profile.set(profile)])
    return profile["stripe_customer_id"]


def card_setup(gateway: StripeGateway, patient: Principal) -> dict:
    """What the page needs to let Stripe.js save a card for this patient."""
    user = load_user(patient.user_id)
    saved = (user.profile or {}).get("saved_card")
    return {"client_secret": gateway.card_setup(customer_of(gateway, user)),
            "publishable_key": gateway.publishable_key,
            "saved_card": saved["label"] if saved else None}


def authorise_booking(gateway: StripeGateway, booking: Booking, plan: PaymentPlan) -> Payment:
    """Hold the price on the patient's card for a booking whose slot is already claimed;
    `PaymentError` when the card is declined (the caller frees the slot)."""
    user = load_user(booking.patient_id)
    now = iso_seconds(utc_now())
    details = {"policy": plan.policy, "late_fee_percent": plan.late_fee_percent,
               "starts_at": booking.starts_at, "patient_name": user.name,
               "patient_email": user.email, "history": [{"at": now, "event": "created"}]}
    payment = Payment(booking.booking_id, patient_id=booking.patient_id,
                      therapist_id=booking.therapist_id, created_at=now, currency=plan.currency,
                      list_price=plan.list_price, amount=0, due=0, status="free", details=details)
    if plan.kind == "card":
        customer = customer_of(gateway, user)
        owner, label = gateway.card_of(plan.payment_method_id)
        if owner is None:  # made by Stripe.js and not yet kept for anyone: it is theirs now
            gateway.attach_card(plan.payment_method_id, customer)
        elif owner != customer:
            raise ValidationError("payment_method_id: not one of your cards",
                                  field="payment_method_id")
        held = gateway.authorise(amount=plan.list_price, currency=plan.currency,
                                 customer_id=customer, payment_method_id=plan.payment_method_id,
                                 booking_id=booking.booking_id)
        payment.status, payment.amount, payment.due = "authorised", plan.list_price, plan.list_price
        payment.payment_intent_id = held.payment_intent_id
        details["card"] = label
        if plan.reduced_fee_band:
            details["reduced_fee"] = {"band": plan.reduced_fee_band, "status": "requested"}
        _remember_card(gateway, user, plan, label)
    else:
        details["free_first_session"] = True
    try:
        payment.save(condition=Payment.booking_id.does_not_exist())
    except PutError as exc:
        raise ConflictError("this booking already has a payment") from exc
    return payment


def _remember_card(gateway: StripeGateway, user: User, plan: PaymentPlan, label: str) -> None:
    """Keep the card for later bookings only with the patient's consent (`save_card`)."""
    profile = dict(user.profile or {})
    saved = profile.get("saved_card") or {}
    if plan.save_card:
        profile["saved_card"] = {"payment_method_id": plan.payment_method_id, "label": label}
        user.update(actions=[User.profile.set(profile)])
    elif saved.get("payment_method_id") != plan.payment_method_id:
        gateway.forget_card(plan.payment_method_id)  # the hold stays; the card is not kept


def payment_of(booking_id: str) -> Payment | None:
    try:
        return Payment.get(booking_id)
    except DoesNotExist:
        return None


def _event(payment: Payment, event: dict) -> dict:
    details = dict(payment.details or {})
    details["history"] = [*details.get("history", []), {"at": iso_seconds(utc_now()), **event}]
    return details


def _transition(payment: Payment, expected: str, actions: list, details: dict) -> None:
    try:
        payment.update(actions=[*actions, Payment.details.set(details)],
                       condition=Payment.status == expected)
    except UpdateError as exc:
        payment.refresh()
        raise ConflictError(f"the payment is {payment.status} now") from exc


def _capture(gateway: StripeGateway, mail: PaymentMail, payment: Payment, amount: int,
             event: dict) -> None:
    if amount <= 0:
        _release(gateway, payment, {**event, "event": "released", "reason": "nothing due"})
        return
    gateway.capture(payment.payment_intent_id, amount)
    _transition(payment, "authorised", [
        Payment.status.set("captured"), Payment.captured.set(amount),
        Payment.captured_at.set(iso_seconds(utc_now()))], _event(payment, {**event, "amount": amount}))
    mail.receipt(payment)


def _release(gateway: StripeGateway, payment: Payment, event: dict) -> None:
    gateway.release(payment.payment_intent_id)
    _transition(payment, "authorised", [Payment.status.set("released")],
                _event(payment, event))


def capture_for_session(gateway: StripeGateway, mail: PaymentMail, session: Session) -> None:
    """The session ended: take what it costs (the reduced fee when one was accepted)."""
    payment = payment_of(session.booking_id) if session.booking_id else None
    if payment is None or payment.status != "authorised":
        return
    _capture(gateway, mail, payment, int(payment.due), {"event": "captured",
                                                        "reason": "session ended"})


def on_booking_ended(gateway: StripeGateway, mail: PaymentMail, booking: Booking) -> None:
    """A booking was declined or cancelled: a late patient cancellation pays the late fee,
    anything else (early, by the therapist, declined) is released in full."""
    payment = payment_of(booking.booking_id)
    if payment is None or payment.status != "authorised":
        return
    if booking.status == "late_cancelled":
        fee = int(payment.due) * int(payment.details.get("late_fee_percent", 0)) // 100
        _capture(gateway, mail, payment, fee, {"event": "late_fee", "reason": "late cancellation"})
    else:
        _release(gateway, payment, {"event": "released", "reason": booking.status})


def release_unstarted(gateway: StripeGateway, now=None) -> int:
    """Release every hold whose session never started (the therapist did not come)."""
    now = now or utc_now()
    released = 0
    for payment in Payment.scan(Payment.status == "authorised"):
        try:
            booking = Booking.get(payment.booking_id)
        except DoesNotExist:
            continue
        if parse_instant(booking.ends_at, "ends_at") > now:
            continue
        session = Session.get(booking.session_id) if booking.session_id else None
        if session is not None and session.started_at:
            continue  # it ran; the therapist ends it, which captures
        try:
            _release(gateway, payment, {"event": "released", "reason": "session never started"})
            released += 1
        except ConflictError:
            continue
    return released


def _booking_side(principal: Principal, payment: Payment) -> str:
    if principal.user_id == payment.patient_id:
        return "patient"
    if principal.user_id == payment.therapist_id:
        return "therapist"
    if principal.role == "admin":
        return "admin"
    raise NotFoundError("no such payment")


def load_payment(principal: Principal, booking_id: str) -> Payment:
    payment = payment_of(booking_id) if booking_id and len(booking_id) <= 64 else None
    if payment is None:
        raise NotFoundError("no such payment")
    _booking_side(principal, payment)
    return payment


def decide_reduced_fee(therapist: Principal, booking_id: str, body: dict) -> Payment:
    """The therapist accepts (the patient pays the band) or declines (the full price)."""
    decision = Fields(body, ("decision",)).choice("decision", ("accept", "decline"))
    payment = load_payment(therapist, booking_id)
    if _booking_side(therapist, payment) != "therapist":
        raise ForbiddenError("only the booking's therapist decides on a reduced fee")
    reduced = (payment.details or {}).get("reduced_fee") or {}
    if reduced.get("status") != "requested":
        raise ConflictError("there is no reduced-fee request waiting on this booking")
    details = _event(payment, {"event": f"reduced_fee_{decision}ed"})
    details["reduced_fee"] = {**reduced, "status": f"{decision}ed"}
    due = int(payment.list_price) * int(reduced["band"]) // 100 if decision == "accept" \
        else int(payment.list_price)
    _transition(payment, "authorised", [Payment.due.set(due)], details)
    return payment


def refund(gateway: StripeGateway, mail: PaymentMail, principal: Principal, booking_id: str,
           body: dict) -> Payment:
    """Give back all or part of what was taken (the therapist or an admin), with a reason."""
    f = Fields(body, ("amount", "reason"))
    reason = f.text("reason", max_len=500)
    payment = load_payment(principal, booking_id)
    if _booking_side(principal, payment) == "patient":
        raise ForbiddenError("refunds are made by the therapist or an admin")
    refundable = int(payment.captured) - int(payment.refunded)
    if payment.status != "captured" or refundable <= 0:
        raise ConflictError("nothing paid is left to refund on this booking")
    amount = f.integer("amount", lo=1, hi=10**8, default=refundable)
    if amount > refundable:
        raise f.fail("amount", f"at most {refundable} (what is left of the payment)")
    count = len((payment.details or {}).get("refunds", []))
    refund_id = gateway.refund(payment.payment_intent_id, amount, reason,
                               key=f"refund-{booking_id}-{count}")
    details = _event(payment, {"event": "refunded", "amount": amount})
    details["refunds"] = [*details.get("refunds", []), {
        "refund_id": refund_id, "amount": amount, "reason": reason,
        "by": principal.role, "at": iso_seconds(utc_now())}]
    try:
        payment.update(actions=[Payment.refunded.add(amount), Payment.details.set(details)],
                       condition=(Payment.refunded == payment.refunded)
                       & (Payment.status == "captured"))
    except UpdateError as exc:
        raise ConflictError("the payment changed meanwhile: reload and try again") from exc
    mail.refunded(payment, amount, reason)
    return payment


def waive_late_fee(gateway: StripeGateway, mail: PaymentMail, therapist: Principal,
                   booking_id: str) -> Payment:
    payment = load_payment(therapist, booking_id)
    if _booking_side(therapist, payment) != "therapist":
        raise ForbiddenError("only the booking's therapist can waive the fee")
    if not any(e.get("event") == "late_fee" for e in (payment.details or {}).get("history", [])):
        raise ConflictError("no late-cancellation fee was charged on this booking")
    return refund(gateway, mail, therapist, booking_id,
                  {"reason": "late-cancellation fee waived by the therapist"})



class BookingPayments:
    """What bookings and sessions call: Stripe (made on first use, so bookings with
    therapists who take no payment never need it) and the payment mails."""

    def __init__(self, gateway_factory, mail: PaymentMail):
        self._gateway_factory, self.mail = gateway_factory, mail
        self._gateway: StripeGateway | None = None

    @property
    def gateway(self) -> StripeGateway:
        if self._gateway is None:
            self._gateway = self._gateway_factory()
        return self._gateway

    def authorise(self, booking: Booking, plan: PaymentPlan | None) -> None:
        if plan is not None:
            authorise_booking(self.gateway, booking, plan)

    def booking_ended(self, booking: Booking) -> None:
        if payment_of(booking.booking_id) is not None:
            on_booking_ended(self.gateway, self.mail, booking)

    def session_ended(self, session: Session) -> None:
        if session.booking_id and payment_of(session.booking_id) is not None:
            capture_for_session(self.gateway, self.mail, session)
