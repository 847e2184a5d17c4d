"""Payments: card setup, payment terms, the Payments pages, refunds, superbills, earnings,
the Stripe webhook and reconciliation."""
from __future__ import annotations

from chalice import Blueprint, Response

from api import context
from api.routing import route
from emotecare.payments import charges, reconcile, superbill, terms, views, webhooks

bp = Blueprint(__name__)
_BOTH = ("patient", "therapist")


@route(bp, "/payments/webhook", methods=("POST",), public=True, status=200)
def stripe_webhook(call):
    signature = {k.lower(): v for k, v in call.headers.items()}.get("stripe-signature", "")
    return webhooks.handle_webhook(context.payment_gateway(), call.raw_body, signature)


@route(bp, "/payments/card-setup", methods=("POST",), roles=("patient",), status=200)
def card_setup(call):
    return charges.card_setup(context.payment_gateway(), call.user)


@route(bp, "/therapists/{therapist_id}/payment-terms", public=True)
def payment_terms(call, therapist_id):
    return terms.public_terms(therapist_id)


@route(bp, "/therapists/me/payment-terms", roles=("therapist",))
def own_payment_terms(call):
    return terms.own_terms(call.user)


@route(bp, "/therapists/me/payment-terms", methods=("PUT",), roles=("therapist",))
def update_payment_terms(call):
    return terms.update_own_terms(call.user, call.body)


@route(bp, "/me/payments", roles=("patient",))
def my_payments(call):
    return views.my_payments(call.user)


@route(bp, "/therapists/me/payments", roles=("therapist",))
def therapist_payments(call):
    return views.therapist_payments(call.user)


@route(bp, "/therapists/me/earnings", roles=("therapist",))
def earnings(call):
    return views.earnings(call.user)


@route(bp, "/payments/{booking_id}", roles=("patient", "therapist", "admin"))
def get_payment(call, booking_id):
    return views.get_payment(call.user, booking_id)


@route(bp, "/payments/{booking_id}/reduced-fee", methods=("POST",), roles=("therapist",),
       status=200)
def decide_reduced_fee(call, booking_id):
    payment = charges.decide_reduced_fee(call.user, booking_id, call.body)
    return views.payment_view(payment, "therapist")


@route(bp, "/payments/{booking_id}/refunds", methods=("POST",), roles=("therapist", "admin"))
def refund(call, booking_id):
    payment = charges.refund(context.payment_gateway(), context.payment_mail(), call.user,
                             booking_id, call.body)
    return views.payment_view(payment, call.user.role)


@route(bp, "/payments/{booking_id}/waive-fee", methods=("POST",), roles=("therapist",),
       status=200)
def waive_fee(call, booking_id):
    payment = charges.waive_late_fee(context.payment_gateway(), context.payment_mail(),
                                     call.user, booking_id)
    return views.payment_view(payment, "therapist")


@route(bp, "/payments/{booking_id}/superbill", methods=("PUT",), roles=("therapist",))
def superbill_codes(call, booking_id):
    return superbill.set_codes(call.user, booking_id, call.body)


@route(bp, "/payments/{booking_id}/superbill.pdf", roles=_BOTH)
def superbill_pdf(call, booking_id):
    pdf = superbill.superbill_pdf(call.user, booking_id)
    return Response(body=pdf, status_code=200, headers={
        "Content-Type": "application/pdf",
        "Content-Disposition": f'attachment; filename="superbill-{booking_id[:8]}.pdf"'})


@route(bp, "/admin/payments/reconcile", methods=("POST",), roles=("admin",), status=200)
def reconcile_now(call):
    return reconcile.reconcile(context.payment_gateway())
