"""Bookings: book, list, confirm, decline, reschedule, cancel, invites; patients and notes."""
from __future__ import annotations

from chalice import Blueprint, Response

from api import context
from api.routing import route
from emotecare.bookings import booking, lifecycle, notes, views

bp = Blueprint(__name__)
_BOTH = ("patient", "therapist")


@route(bp, "/bookings", methods=("POST",), roles=("patient",))
def create_booking(call):
    return booking.create_booking(context.booking_mail(), call.user, call.body,
                                  context.booking_payments())


@route(bp, "/bookings", roles=_BOTH)
def list_bookings(call):
    return views.list_bookings(call.user, call.query)


@route(bp, "/bookings/{booking_id}", roles=_BOTH)
def get_booking(call, booking_id):
    return views.get_booking(call.user, booking_id)


@route(bp, "/bookings/{booking_id}/confirm", methods=("POST",), roles=_BOTH, status=200)
def confirm_booking(call, booking_id):
    return lifecycle.confirm_booking(context.booking_mail(), call.user, booking_id)


@route(bp, "/bookings/{booking_id}/decline", methods=("POST",), roles=_BOTH, status=200)
def decline_booking(call, booking_id):
    return lifecycle.decline_booking(context.booking_mail(), call.user, booking_id, call.body,
                                     context.booking_payments())


@route(bp, "/bookings/{booking_id}/reschedule", methods=("POST",), roles=_BOTH, status=200)
def reschedule_booking(call, booking_id):
    return booking.reschedule_booking(context.booking_mail(), call.user, booking_id, call.body)


@route(bp, "/bookings/{booking_id}/cancel", methods=("POST",), roles=_BOTH, status=200)
def cancel_booking(call, booking_id):
    return lifecycle.cancel_booking(context.booking_mail(), call.user, booking_id, call.body,
                                    context.booking_payments())


@route(bp, "/bookings/{booking_id}/invite.ics", roles=_BOTH)
def booking_invite(call, booking_id):
    ics = views.invite_ics(call.user, booking_id, context.settings().frontend_url)
    return Response(body=ics, status_code=200, headers={
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": f'attachment; filename="emotecare-{booking_id[:8]}.ics"'})


@route(bp, "/patients", roles=("therapist",))
def my_patients(call):
    return views.patients_of(call.user)


@route(bp, "/patients/{id}/notes", roles=("therapist",))
def get_notes(call, id):
    return notes.get_notes(call.user, id)


@route(bp, "/patients/{id}/notes", methods=("PUT",), roles=("therapist",))
def put_notes(call, id):
    return notes.put_notes(call.user, id, call.body)
