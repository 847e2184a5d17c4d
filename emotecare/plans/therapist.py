"""The therapist's side of a plan: read with progress, save a new version, read the versions,
record a custom measure's value, and the plans due for review."""
from __future__ import annotations

from pynamodb.exceptions import DoesNotExist

from emotecare.accounts.tokens import Principal
from emotecare.care.access import change_clinical, read_clinical
from emotecare.clock import iso_seconds, utc_now
from emotecare.db.models import User
from emotecare.errors import ValidationError
from emotecare.fields import Fields
from emotecare.library.store import load_resource
from emotecare.plans import store
from emotecare.plans.document import check_value, parse_plan
from emotecare.plans.measures import PatientMeasures, Window
from emotecare.plans.views import (goals_with_progress, interventions_with_homework,
                                   local_today, patient_time_zone)

EMPTY = {"goals": [], "interventions": [], "summary_for_patient": ""}


def _view(patient_id: str, therapist_id: str) -> dict:
    plan = store.load_plan(patient_id, therapist_id)
    body = plan.body if plan else EMPTY
    now, zone = utc_now(), patient_time_zone(patient_id)
    goals = goals_with_progress(body["goals"], patient_id, therapist_id, now, zone)
    return {
        "patient_id": patient_id, "therapist_id": therapist_id,
        "version": int(plan.version) if plan else 0,
        "updated_at": plan.updated_at if plan else None,
        "goals": goals,
        "interventions": interventions_with_homework(body["interventions"], patient_id,
                                                     therapist_id, local_today(now, zone)),
        "summary_for_patient": body["summary_for_patient"],
        "review_due": any(goal["review_due"] for goal in goals),
    }


def read_plan(therapist: Principal, patient_id: str) -> dict:
    """The pair's current plan with progress (an empty version 0 before the first save)."""
    read_clinical(therapist, patient_id, "plan")
    return _view(patient_id, therapist.user_id)


def _fill_baselines(body: dict, patient_id: str, therapist_id: str) -> None:
    """A goal set without a baseline takes the measure's latest weekly value, when there is one."""
    missing = [goal for goal in body["goals"] if goal["baseline"] is None]
    if not missing:
        return
    measures = PatientMeasures(patient_id, therapist_id,
                               Window.ending(utc_now(), patient_time_zone(patient_id)))
    for goal in missing:
        weekly = measures.weekly(goal)
        if weekly:
            goal["baseline"] = weekly[max(weekly)]


def write_plan(therapist: Principal, patient_id: str, body: dict) -> dict:
    """Save the plan as a new version (`version` in the body: the one the editor started from)."""
    plan, expected = parse_plan(body, load_resource)
    change_clinical(therapist, patient_id)
    if expected is None:
        current = store.load_plan(patient_id, therapist.user_id)
        expected = int(current.version) if current else 0
    _fill_baselines(plan, patient_id, therapist.user_id)
    store.save_plan(patient_id, therapist.user_id, plan, expected, iso_seconds(utc_now()),
                    therapist.user_id)
    return _view(patient_id, therapist.user_id)


def read_versions(therapist: Principal, patient_id: str) -> dict:
    read_clinical(therapist, patient_id, "plan")
    return {"patient_id": patient_id, "versions": [
        {"version": int(v.version), "saved_at": v.saved_at, "saved_by": v.saved_by, **v.body}
        for v in store.list_versions(patient_id, therapist.user_id)]}


def record_value(therapist: Principal, patient_id: str, body: dict) -> dict:
    """A value of a custom goal, recorded by hand (now, or at `recorded_at`)."""
    fields = Fields(body, ("goal_id", "value", "recorded_at"))
    goal_id = fields.text("goal_id", max_len=40)
    recorded_at = fields.instant("recorded_at", default=None) or utc_now()
    change_clinical(therapist, patient_id)
    plan = store.load_plan(patient_id, therapist.user_id)
    goal = next((g for g in (plan.body["goals"] if plan else []) if g["goal_id"] == goal_id), None)
    if goal is None:
        raise ValidationError("goal_id: the plan has no goal with this id", field="goal_id")
    if goal["measure"] != "custom":
        raise ValidationError(f"goal_id: a {goal['measure']} goal is measured from the "
                              "patient's own data; only custom goals take values by hand",
                              field="goal_id")
    if recorded_at > utc_now():
        raise ValidationError("recorded_at: must not be in the future", field="recorded_at")
    value = check_value(goal, body.get("value"))
    store.record_value(patient_id, therapist.user_id, goal_id, value, iso_seconds(recorded_at))
    return _view(patient_id, therapist.user_id)


def _name(patient_id: str) -> str:
    try:
        return User.get(patient_id).name or "Patient"
    except DoesNotExist:
        return "Patient"


def due_for_review(therapist: Principal) -> dict:
    """The therapist's plans with a goal whose review date has passed, earliest first."""
    today = utc_now().date().isoformat()
    plans = []
    for plan in store.plans_for_review(therapist.user_id, today):
        goals = [{"goal_id": g["goal_id"], "title": g["title"], "review_by": g["review_by"]}
                 for g in plan.body["goals"] if g["review_by"] < today]
        plans.append({"patient_id": plan.patient_id, "patient_name": _name(plan.patient_id),
                      "next_review_by": plan.next_review_by, "version": int(plan.version),
                      "goals": goals})
    return {"plans": plans}
