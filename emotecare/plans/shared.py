"""The patient's side of a plan: only what their therapist chose to share, and homework ticks.

The plan shown is the one written by the patient's current therapist (the one they chose, else
their latest booking's). Unshared goals and interventions, versions and authors never leave
the therapist's side.
"""
from __future__ import annotations

from datetime import timedelta

from emotecare.accounts.profiles import load_user
from emotecare.accounts.tokens import Principal
from emotecare.clock import iso_seconds, utc_now
from emotecare.errors import NotFoundError, ValidationError
from emotecare.escalation.care_team import find_current_therapist
from emotecare.fields import Fields, parse_date
from emotecare.plans import store
from emotecare.plans.views import (goals_with_progress, interventions_with_homework,
                                   local_today)

TICK_DAYS_BACK = 14
_SHARED_GOAL = ("goal_id", "title", "measure", "baseline", "target", "direction", "review_by",
                "progress")
_SHARED_INTERVENTION = ("intervention_id", "title", "resource_id", "homework_every_days",
                        "homework")


def _current(patient: Principal):
    user = load_user(patient.user_id)
    therapist_id = find_current_therapist(user)
    plan = store.load_plan(user.user_id, therapist_id) if therapist_id else None
    return user, therapist_id, plan


def my_plan(patient: Principal) -> dict:
    """The shared goals with their progress, the shared interventions with homework."""
    user, therapist_id, plan = _current(patient)
    if plan is None:
        return {"exists": False, "therapist_id": therapist_id, "updated_at": None,
                "summary_for_patient": "", "goals": [], "interventions": []}
    now, zone = utc_now(), user.time_zone or "UTC"
    goals = [g for g in plan.body["goals"] if g["shared"]]
    interventions = [i for i in plan.body["interventions"] if i["shared"]]
    return {
        "exists": True, "therapist_id": therapist_id, "updated_at": plan.updated_at,
        "summary_for_patient": plan.body["summary_for_patient"],
        "goals": [{k: g[k] for k in _SHARED_GOAL}
                  for g in goals_with_progress(goals, user.user_id, therapist_id, now, zone)],
        "interventions": [{k: i[k] for k in _SHARED_INTERVENTION}
                          for i in interventions_with_homework(interventions, user.user_id,
                                                               therapist_id, local_today(now, zone))],
    }


def tick_homework(patient: Principal, body: dict) -> dict:
    """Mark a shared intervention's homework done (or not) on a day of the last two weeks."""
    fields = Fields(body, ("intervention_id", "done", "day"))
    intervention_id = fields.text("intervention_id", max_len=40)
    done = fields.boolean("done", default=True)
    user, therapist_id, plan = _current(patient)
    today = local_today(utc_now(), user.time_zone or "UTC")
    day = parse_date(body["day"], "day") if fields.has("day") else today
    if not today - timedelta(days=TICK_DAYS_BACK) <= day <= today:
        raise ValidationError(f"day: must be today or one of the {TICK_DAYS_BACK} days before",
                              field="day")
    shared = [i for i in (plan.body["interventions"] if plan else []) if i["shared"]]
    if not any(i["intervention_id"] == intervention_id for i in shared):
        raise NotFoundError("your plan has no such intervention")
    store.set_tick(user.user_id, therapist_id, intervention_id, day.isoformat(), done,
                   iso_seconds(utc_now()))
    return my_plan(patient)
