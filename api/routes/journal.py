"""The mood journal: entries (safety-checked like chat), edits, deletion and the weekly trend."""
from __future__ import annotations

from chalice import Blueprint

from api.routing import route
from emotecare.journal import diary

bp = Blueprint(__name__)
_PATIENT = ("patient",)


@route(bp, "/journal", roles=_PATIENT)
def list_entries(call):
    return diary.list_entries(call.user, call.query)


@route(bp, "/journal", methods=("POST",), roles=_PATIENT)
def add_entry(call):
    return diary.add_entry(call.user, call.body)


@route(bp, "/journal/trend", roles=_PATIENT)
def mood_trend(call):
    return diary.mood_trend(call.user, call.query)


@route(bp, "/journal/{entry_id}", methods=("PUT",), roles=_PATIENT)
def edit_entry(call, entry_id):
    return diary.edit_entry(call.user, entry_id, call.body)


@route(bp, "/journal/{entry_id}", methods=("DELETE",), roles=_PATIENT)
def delete_entry(call, entry_id):
    diary.delete_entry(call.user, entry_id)
