"""The weekly report's "Plan" section: each shared goal's value that week against its target.

The week's values come from the summary being compiled (the same figures the report shows
elsewhere), so the section and the rest of the report cannot disagree; custom goals read the
values the therapist recorded that week. Only goals the therapist shared with the patient
appear: the report is the patient's own document.
"""
from __future__ import annotations

from pynamodb.exceptions import DoesNotExist

from emotecare.db.models import User
from emotecare.db.plans import CarePlanEntry
from emotecare.escalation.care_team import find_current_therapist
from emotecare.plans import store
from emotecare.plans.progress import status_of

_SUMMARY_PATHS = {
    "phq9": ("questionnaires", "phq9", "score"),
    "gad7": ("questionnaires", "gad7", "score"),
    "mood": ("journal", "mood_average"),
    "valence": ("emotions", "mean_valence"),
}


def _from_summary(summary: dict, path: tuple[str, ...]) -> float | None:
    value = summary
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _custom_value(patient_id: str, therapist_id: str, goal_id: str, summary: dict) -> float | None:
    prefix = f"value#{therapist_id}#{goal_id}#"
    period = summary["period"]
    rows = list(CarePlanEntry.query(patient_id, CarePlanEntry.entry_key.between(
        f"{prefix}{period['start_utc'][:19]}", f"{prefix}{period['end_utc'][:19]}"),
        scan_index_forward=False, limit=1))
    return float(rows[0].value) if rows and rows[0].value is not None else None


def plan_section(patient_id: str, summary: dict) -> list[dict]:
    """One line per shared goal of the patient's current plan (empty without a plan)."""
    try:
        therapist_id = find_current_therapist(User.get(patient_id))
    except DoesNotExist:
        return []
    plan = store.load_plan(patient_id, therapist_id) if therapist_id else None
    lines = []
    for goal in (plan.body["goals"] if plan else []):
        if not goal["shared"]:
            continue
        value = (_custom_value(patient_id, therapist_id, goal["goal_id"], summary)
                 if goal["measure"] == "custom"
                 else _from_summary(summary, _SUMMARY_PATHS[goal["measure"]]))
        lines.append({"goal_id": goal["goal_id"], "title": goal["title"],
                      "measure": goal["measure"], "baseline": goal["baseline"],
                      "target": goal["target"], "direction": goal["direction"], "value": value,
                      "status": status_of(goal, goal["baseline"], value)})
    return lines
