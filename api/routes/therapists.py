"""Therapists: browse and filter, profiles and availability, free slots, matching, approval."""
from __future__ import annotations

from chalice import Blueprint

from api.routing import route
from emotecare.accounts.profiles import load_user
from emotecare.therapists import approval, availability, matching, profiles, slots

bp = Blueprint(__name__)


@route(bp, "/therapists", public=True)
def list_therapists(call):
    return profiles.list_therapists(call.query)


@route(bp, "/therapists/me", roles=("therapist",))
def get_own_profile(call):
    return profiles.get_own_profile(call.user)


@route(bp, "/therapists/me", methods=("PUT",), roles=("therapist",))
def update_own_profile(call):
    return profiles.update_own_profile(call.user, call.body)


@route(bp, "/therapists/me/availability", methods=("PUT",), roles=("therapist",))
def set_availability(call):
    return availability.set_availability(call.user, call.body)


@route(bp, "/therapists/{therapist_id}", optional_auth=True)
def get_therapist(call, therapist_id):
    return profiles.get_profile(therapist_id, call.principal)


@route(bp, "/therapists/{therapist_id}/slots", public=True)
def free_slots(call, therapist_id):
    return slots.slots_for_viewer(profiles.approved_therapist(therapist_id), call.query)


@route(bp, "/matches", methods=("POST",), roles=("patient",), status=200)
def match_therapists(call):
    return matching.rank_matches(call.body, load_user(call.user.user_id))


@route(bp, "/admin/therapists", roles=("admin",))
def therapists_for_review(call):
    return approval.list_for_review(call.query)


@route(bp, "/admin/therapists/{therapist_id}/approve", methods=("POST",), roles=("admin",),
       status=200)
def approve_therapist(call, therapist_id):
    return approval.approve(call.user, therapist_id, call.body)


@route(bp, "/admin/therapists/{therapist_id}/reject", methods=("POST",), roles=("admin",),
       status=200)
def reject_therapist(call, therapist_id):
    return approval.reject(call.user, therapist_id, call.body)
