"""Accounts: sign-up and sign-in (Cognito), the caller's profile, and their data rights."""
from __future__ import annotations

from chalice import Blueprint

from api import context
from api.routing import route
from emotecare.accounts import data_rights, profiles, registration
from emotecare.accounts.profiles import load_user

bp = Blueprint(__name__)


@route(bp, "/auth/signup", methods=("POST",), public=True)
def sign_up(call):
    return registration.sign_up(context.account_services(), call.body, call.client_ip)


@route(bp, "/auth/confirm", methods=("POST",), public=True, status=200)
def confirm(call):
    return registration.confirm_sign_up(context.account_services(), call.body, call.client_ip)


@route(bp, "/auth/confirm/resend", methods=("POST",), public=True, status=202)
def resend_code(call):
    return registration.resend_code(context.account_services(), call.body, call.client_ip)


@route(bp, "/auth/signin", methods=("POST",), public=True, status=200)
def sign_in(call):
    return registration.sign_in(context.account_services(), call.body, call.client_ip,
                                call.browser)


@route(bp, "/auth/refresh", methods=("POST",), public=True, status=200)
def refresh(call):
    return registration.refresh(context.account_services(), call.body)


@route(bp, "/auth/signout", methods=("POST",))
def sign_out(call):
    registration.sign_out(context.account_services(), load_user(call.user.user_id).email)


@route(bp, "/auth/password/forgot", methods=("POST",), public=True, status=202)
def forgot_password(call):
    return registration.request_password_reset(context.account_services(), call.body, call.client_ip)


@route(bp, "/auth/password/reset", methods=("POST",), public=True, status=200)
def reset_password(call):
    return registration.reset_password(context.account_services(), call.body, call.client_ip)


@route(bp, "/me")
def get_me(call):
    return profiles.get_me(call.user)


@route(bp, "/me", methods=("PATCH",))
def update_me(call):
    return profiles.update_me(call.user, call.body)


@route(bp, "/me/location", methods=("POST",), roles=("patient",), status=200)
def confirm_my_location(call):
    return profiles.confirm_location(call.user, call.body)


@route(bp, "/me/therapist", methods=("PUT",), roles=("patient",))
def choose_therapist(call):
    return profiles.choose_therapist(call.user, call.body)


@route(bp, "/me/export", roles=("patient",))
def export_my_data(call):
    return data_rights.export_patient_data(call.user, context.patient_files())


@route(bp, "/me", methods=("DELETE",), roles=("patient",))
def delete_me(call):
    data_rights.delete_patient_account(call.user, context.identity(), context.patient_files(),
                                       context.booking_mail(), context.booking_payments())
