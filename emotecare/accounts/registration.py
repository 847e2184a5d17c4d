"""Sign-up with e-mail verification, sign-in, refresh, sign-out and password reset.

Cognito holds passwords and issues tokens; we issue the verification and reset codes
(`codes.py`) and mail them with SES, so the flow is identical on AWS and on the local
stack. On the local stage the code is also logged, because moto delivers no mail.
"""
from __future__ import annotations

from dataclasses import dataclass

from emotecare.clock import iso_seconds, utc_now
from emotecare.accounts import codes, devices, throttle
from emotecare.accounts.identity import IdentityProvider
from emotecare.accounts.passwords import check_password
from emotecare.accounts.profiles import public_user, user_by_email
from emotecare.accounts.safety_contacts import CONTACT_FIELDS, contact_updates
from emotecare.db.models import Therapist, User
from emotecare.errors import AuthenticationError, ValidationError
from emotecare.fields import Fields
from emotecare.log import get_logger
from emotecare.notifications.mailer import Mailer
from emotecare.notifications.templates import send_templated

logger = get_logger("accounts")
SELF_SERVICE_ROLES = ("patient", "therapist")  # admins are created by operators only
_TEMPLATES = {"verify": "verify_email", "reset": "reset_password", "signin": "sign_in_code"}
SIGN_IN_CODE_MESSAGE = ("Many wrong passwords were tried on this account, so we emailed you a code. "
                        "Type the code from that email below, with your password, to sign in.")


@dataclass(frozen=True)
class AccountServices:
    identity: IdentityProvider
    mailer: Mailer
    stage: str
    frontend_url: str


def _send_code(services: AccountServices, purpose: str, email: str, name: str) -> None:
    code = codes.issue_code(purpose, email)
    template = _TEMPLATES[purpose]
    send_templated(services.mailer, template, [email], name=name, code=code,
                   app_url=services.frontend_url)
    if services.stage == "local":
        # moto sends no mail: the local stack shows the code in its log instead.
        logger.info(f"local {purpose} code for {email}: {code}",
                    extra={"email": email, "purpose": purpose, "code": code})


def sign_up(services: AccountServices, body: dict, client: str = "") -> dict:
    """Create an unconfirmed account and mail its verification code."""
    f = Fields(body, ("email", "password", "name", "role", "time_zone", "country", *CONTACT_FIELDS))
    email = f.email("email")
    password = check_password(f.secret("password", max_len=128))
    name = f.text("name", max_len=100)
    role = f.choice("role", SELF_SERVICE_ROLES, default="patient")
    time_zone = f.time_zone("time_zone", default="UTC")
    country = f.text("country", max_len=2, min_len=2, default="US").upper()
    if not country.isalpha():
        raise f.fail("country", "must be a two-letter country code")
    contacts = contact_updates(f) if role == "patient" else {}  # checked before anything is spent
    throttle.spend(throttle.CODE_MAILS, email, client)
    user_id = services.identity.sign_up(email, password, name)
    try:
        User(user_id, email=email, role=role, name=name, time_zone=time_zone, country=country,
             created_at=iso_seconds(utc_now()), profile={"status": "unconfirmed", **contacts}).save()
        _send_code(services, "verify", email, name)
    except BaseException:
        # A Cognito user without our account row could never confirm, sign in or sign up
        # again: the e-mail would be unusable for good. Undo it, then report the failure.
        _undo_sign_up(services, email, user_id)
        raise
    return {"user_id": user_id, "next": "confirm"}


def _undo_sign_up(services: AccountServices, email: str, user_id: str) -> None:
    try:
        services.identity.delete_user(email)
        User(user_id).delete()
    except Exception:
        logger.exception("could not undo a failed sign-up", extra={"user_id": user_id})


def confirm_sign_up(services: AccountServices, body: dict, client: str = "") -> dict:
    """Check the mailed code; confirm the account and give it its role's group."""
    f = Fields(body, ("email", "code"))
    email, code = f.email("email"), f.secret("code", max_len=12)
    with throttle.attempt(throttle.CODE_GUESSES, email, client, counted=(ValidationError,)):
        user = user_by_email(email)
        if user is None or services.identity.status(email) is None:
            raise ValidationError(codes.NO_CODE_MESSAGE, field="code")
        codes.consume_code("verify", email, code)
    services.identity.confirm(email)
    services.identity.add_to_group(email, user.role)
    user.update(actions=[User.profile.set({**(user.profile or {}), "status": "active"})])
    if user.role == "therapist":
        Therapist(user.user_id, status="pending",
                  profile={"name": user.name, "time_zone": user.time_zone},
                  availability={"weekly": [], "exceptions": []}).save()
    return {"confirmed": True, "user_id": user.user_id}


def resend_code(services: AccountServices, body: dict, client: str = "") -> dict:
    """Mail a fresh verification code to an account that is not confirmed yet."""
    email = Fields(body, ("email",)).email("email")
    throttle.spend(throttle.CODE_MAILS, email, client)  # unknown e-mails too: no hint either way
    user = user_by_email(email)
    if user is not None and services.identity.status(email) == "UNCONFIRMED":
        _send_code(services, "verify", email, user.name)
    return {"next": "confirm", "message": "if the account awaits confirmation, we sent a code"}


def sign_in(services: AccountServices, body: dict, client: str = "", browser: str = "") -> dict:
    """`{email, password, device_token?, code?}` → tokens and this client's `device_token`.

    A `device_token` from an earlier sign-in of this account proves a known client, whose
    wrong passwords are counted for it alone (`throttle.sign_in_attempt`); `code` is the
    mailed code asked for once unknown clients have used up the account's allowance."""
    f = Fields(body, ("email", "password", "device_token", "code"))
    email, password = f.email("email"), f.secret("password", max_len=128)
    presented = f.secret("device_token", max_len=100) if f.has("device_token") else None
    code = f.secret("code", max_len=12) if f.has("code") else None
    known = presented if devices.is_known(email, presented) else None
    with throttle.sign_in_attempt(email, client, browser, known,
                                  counted=(AuthenticationError,)) as gate:
        tokens = services.identity.sign_in(email, password)
    user = user_by_email(email)
    if gate.needs_code:
        _prove_by_mailed_code(services, email, code, client, user.name if user else "")
    return {"id_token": tokens.id_token, "refresh_token": tokens.refresh_token,
            "expires_in": tokens.expires_in, "user": public_user(user) if user else None,
            "device_token": devices.remember(email, known)}


def _prove_by_mailed_code(services: AccountServices, email: str, code: str | None,
                          client: str, name: str) -> None:
    """The right password from an unknown client of a much-guessed account: ask for a code."""
    if code is None:
        throttle.spend(throttle.CODE_MAILS, email, client)
        _send_code(services, "signin", email, name)
        raise ValidationError(SIGN_IN_CODE_MESSAGE, field="code")
    with throttle.attempt(throttle.CODE_GUESSES, email, client, counted=(ValidationError,)):
        codes.consume_code("signin", email, code)


def refresh(services: AccountServices, body: dict) -> dict:
    f = Fields(body, ("refresh_token",))
    tokens = services.identity.refresh(f.secret("refresh_token", max_len=4096))
    return {"id_token": tokens.id_token, "expires_in": tokens.expires_in}


def sign_out(services: AccountServices, email: str) -> None:
    services.identity.sign_out_everywhere(email)


def request_password_reset(services: AccountServices, body: dict, client: str = "") -> dict:
    """Mail a reset code when the account exists; answer the same either way."""
    email = Fields(body, ("email",)).email("email")
    throttle.spend(throttle.CODE_MAILS, email, client)  # unknown e-mails too: no hint either way
    user = user_by_email(email)
    if user is not None and services.identity.status(email) == "CONFIRMED":
        _send_code(services, "reset", email, user.name)
    return {"next": "reset", "message": "if the account exists, we sent a code"}


def reset_password(services: AccountServices, body: dict, client: str = "") -> dict:
    f = Fields(body, ("email", "code", "password"))
    email, code = f.email("email"), f.secret("code", max_len=12)
    password = check_password(f.secret("password", max_len=128))
    # A new code does not reset this count, so guessing cannot cycle through fresh codes.
    with throttle.attempt(throttle.CODE_GUESSES, email, client, counted=(ValidationError,)):
        codes.consume_code("reset", email, code)
    services.identity.set_password(email, password)
    services.identity.sign_out_everywhere(email)
    return {"reset": True}
