"""Treatment plans: the therapist's plan of a patient (versions, custom values, reviews due)
and the patient's shared part with homework ticks."""
from __future__ import annotations

from chalice import Blueprint

from api.routing import route
from emotecare.plans import shared, therapist

bp = Blueprint(__name__)


@route(bp, "/patients/{id}/plan", roles=("therapist",))
def read_plan(call, id):
    return therapist.read_plan(call.user, id)


@route(bp, "/patients/{id}/plan", methods=("PUT",), roles=("therapist",))
def write_plan(call, id):
    return therapist.write_plan(call.user, id, call.body)


@route(bp, "/patients/{id}/plan/versions", roles=("therapist",))
def plan_versions(call, id):
    return therapist.read_versions(call.user, id)


@route(bp, "/patients/{id}/plan/values", methods=("POST",), roles=("therapist",))
def record_value(call, id):
    return therapist.record_value(call.user, id, call.body)


@route(bp, "/plans/review-due", roles=("therapist",))
def plans_due(call):
    return therapist.due_for_review(call.user)


@route(bp, "/me/plan", roles=("patient",))
def my_plan(call):
    return shared.my_plan(call.user)


@route(bp, "/me/plan/homework", methods=("PUT",), roles=("patient",))
def tick_homework(call):
    return shared.tick_homework(call.user, call.body)
