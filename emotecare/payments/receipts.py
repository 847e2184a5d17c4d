"""Mails about money: the receipt when a session is paid, and a refund notice."""
from __future__ import annotations

from botocore.exceptions import BotoCoreError, ClientError

from emotecare.db.models import User
from emotecare.db.payments import Payment
from emotecare.log import get_logger
from emotecare.notifications.mailer import Mailer
from emotecare.notifications.templates import send_templated

logger = get_logger("payments")
SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}


def money(amount: int, currency: str) -> str:
    return f"{SYMBOLS.get(currency, currency + ' ')}{amount / 100:,.2f}"


def _therapist_name(payment: Payment) -> str:
    try:
        return User.get(payment.therapist_id).name
    except User.DoesNotExist:
        return "your therapist"


class PaymentMail:
    """A failed send is logged; it never undoes the payment."""

    def __init__(self, mailer: Mailer, app_url: str):
        self._mailer, self._app_url = mailer, app_url

    def _send(self, template: str, payment: Payment, **context) -> None:
        details = payment.details or {}
        to = details.get("patient_email")
        if not to:
            return  # erased account: nobody to tell
        try:
            send_templated(self._mailer, template, [to], app_url=self._app_url,
                           name=details.get("patient_name", ""),
                           therapist_name=_therapist_name(payment),
                           session_date=details.get("starts_at", "")[:10],
                           booking_id=payment.booking_id, **context)
        except (ClientError, BotoCoreError):
            logger.exception("payment mail not sent", extra={"template": template})

    def receipt(self, payment: Payment) -> None:
        kind = "late-cancellation fee" if any(
            e.get("event") == "late_fee" for e in payment.details.get("history", [])) \
            else "session fee"
        self._send("payment_receipt", payment, kind=kind,
                   amount=money(int(payment.captured), payment.currency),
                   card=payment.details.get("card", "card"))

    def refunded(self, payment: Payment, amount: int, reason: str) -> None:
        self._send("payment_refunded", payment, amount=money(amount, payment.currency),
                   reason=reason)
