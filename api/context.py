"""Process-wide objects the routes share, created lazily on first request.

Domain code is handed these (clients wrapped in small classes); it never builds its own.
"""
from __future__ import annotations

import functools

from emotecare import aws
from emotecare.accounts.identity import IdentityProvider
from emotecare.accounts.personal_data import PatientFiles
from emotecare.accounts.registration import AccountServices
from emotecare.accounts.tokens import TokenVerifier
from emotecare.bookings.emails import BookingMail
from emotecare.db import bind_models
from emotecare.notifications.mailer import Mailer
from emotecare.settings import Settings, get_settings


@functools.lru_cache(maxsize=1)
def token_verifier() -> TokenVerifier:
    return TokenVerifier(settings())


def settings() -> Settings:
    """The stage's settings, with the DynamoDB models bound to its tables."""
    current = get_settings()
    bind_models(current)
    return current


def mailer() -> Mailer:
    current = settings()
    return Mailer(aws.client("ses", current), current.sender_email)


def identity() -> IdentityProvider:
    current = settings()
    return IdentityProvider(aws.client("cognito-idp", current), current.user_pool_id,
                            current.user_pool_client_id)


def account_services() -> AccountServices:
    """Cognito, the mailer and the stage, for the sign-up and sign-in flows."""
    current = settings()
    return AccountServices(identity=identity(), mailer=mailer(), stage=current.stage,
                           frontend_url=current.frontend_url)


def booking_mail() -> BookingMail:
    return BookingMail(mailer(), settings().frontend_url)


def payment_gateway():
    """Stripe through the official SDK, with the stage's keys (Secrets Manager on AWS)."""
    from emotecare.payments.gateway import StripeGateway
    from emotecare.settings import stripe_keys

    current = settings()
    keys = stripe_keys(current, lambda: aws.client("secretsmanager", current))
    return StripeGateway(keys.secret_key, keys.publishable_key, keys.webhook_secret,
                         api_base=current.stripe_api_base)


def payment_mail():
    from emotecare.payments.receipts import PaymentMail

    return PaymentMail(mailer(), settings().frontend_url)


def booking_payments():
    """The payment hooks bookings and sessions call; Stripe is reached on first need."""
    from emotecare.payments.charges import BookingPayments

    return BookingPayments(payment_gateway, payment_mail())


def patient_files() -> PatientFiles:
    current = settings()
    return PatientFiles(aws.client("s3", current), current.frames_bucket, current.reports_bucket)


def chat_service():
    """The chatbot on the configured backend (`chat_backend`, `bedrock_model_id`), made once."""
    return build_chat_service_for(settings())


@functools.lru_cache(maxsize=2)
def build_chat_service_for(current: Settings):
    """A `ChatService` for `current`; the Bedrock client is made here only when it is chosen."""
    from emotecare.chat.factory import BackendConfigError, build_chat_service
    from emotecare.errors import SettingsError

    try:
        return build_chat_service(current.chat_backend, lambda: aws.client("bedrock-runtime", current),
                                  current.bedrock_model_id)
    except BackendConfigError as exc:
        raise SettingsError(str(exc)) from exc
