"""A stored plan as the API shows it: goals with progress and the review flag, interventions
with their homework state. Both the therapist's view and the patient's shared part use this."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from pynamodb.exceptions import DoesNotExist

from emotecare.db.models import User
from emotecare.plans import store
from emotecare.plans.measures import PatientMeasures, Window
from emotecare.plans.progress import goal_progress, review_due

HOMEWORK_DAYS_SHOWN = 28


def patient_time_zone(patient_id: str) -> str:
    try:
        return User.get(patient_id).time_zone or "UTC"
    except DoesNotExist:
        return "UTC"


def local_today(now: datetime, time_zone: str) -> date:
    return now.astimezone(ZoneInfo(time_zone)).date()


def goals_with_progress(goals: list[dict], patient_id: str, therapist_id: str, now: datetime,
                        time_zone: str) -> list[dict]:
    measures = PatientMeasures(patient_id, therapist_id, Window.ending(now, time_zone))
    # Review dates are compared with the UTC date, as the Today page's list does.
    return [{**goal, "review_due": review_due(goal, now.date()),
             "progress": goal_progress(goal, measures)} for goal in goals]


def homework(intervention: dict, patient_id: str, therapist_id: str, today: date) -> dict | None:
    """Ticked days of the last four weeks, whether it is due today, and the last day done."""
    every = intervention.get("homework_every_days")
    if not every:
        return None
    since = (today - timedelta(days=HOMEWORK_DAYS_SHOWN - 1)).isoformat()
    days = store.ticked_days(patient_id, therapist_id, intervention["intervention_id"], since)
    last = days[-1] if days else None
    next_due = (date.fromisoformat(last) + timedelta(days=every)) if last else today
    return {"every_days": every, "ticked_days": days, "last_done": last,
            "done_today": last == today.isoformat(), "due": next_due <= today,
            "next_due": max(next_due, today).isoformat()}


def interventions_with_homework(interventions: list[dict], patient_id: str, therapist_id: str,
                                today: date) -> list[dict]:
    return [{**item, "homework": homework(item, patient_id, therapist_id, today)}
            for item in interventions]
