"""The plan body a therapist writes, validated field by field (errors name the field).

A plan is plain JSON: `{goals: [...], interventions: [...], summary_for_patient}`. Goals and
interventions keep their ids across saves, so progress, custom values and homework ticks stay
attached to the same goal or intervention when the plan is edited.
"""
from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import Any, Callable

from emotecare.errors import NotFoundError, ValidationError
from emotecare.fields import Fields, parse_date

MAX_GOALS = 20
MAX_INTERVENTIONS = 20
MAX_TITLE = 200
MAX_SUMMARY = 4000
_ID = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


@dataclass(frozen=True)
class Measure:
    """What a goal is measured by, and the range its values live in."""

    name: str
    lo: float
    hi: float
    label: str


MEASURES = {
    "phq9": Measure("phq9", 0, 27, "PHQ-9 total score (0-27)"),
    "gad7": Measure("gad7", 0, 21, "GAD-7 total score (0-21)"),
    "mood": Measure("mood", 1, 10, "weekly mean journal mood (1-10)"),
    "valence": Measure("valence", -1, 1, "weekly mean expression valence (-1 to 1)"),
    "custom": Measure("custom", -1_000_000, 1_000_000, "values the therapist records"),
}
DIRECTIONS = ("decrease", "increase")


def new_id(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(4)}"


def _item_id(fields: Fields, name: str, prefix: str, seen: set[str]) -> str:
    value = fields.text(name, max_len=40, default=None)
    if value is None:
        value = new_id(prefix)
    elif not _ID.match(value):
        raise fields.fail(name, "may contain only letters, digits, - and _ (at most 40)")
    if value in seen:
        raise fields.fail(name, f"{value!r} is used twice in this plan")
    seen.add(value)
    return value


def _goal(seen: set[str]) -> Callable[[Any, str], dict]:
    def parse(item: Any, prefix: str) -> dict:
        fields = Fields(item, ("goal_id", "title", "measure", "baseline", "target", "direction",
                               "review_by", "shared"), prefix)
        measure = MEASURES[fields.choice("measure", MEASURES)]
        goal = {
            "goal_id": _item_id(fields, "goal_id", "g", seen),
            "title": fields.text("title", max_len=MAX_TITLE),
            "measure": measure.name,
            "baseline": fields.number("baseline", lo=measure.lo, hi=measure.hi, default=None),
            "target": fields.number("target", lo=measure.lo, hi=measure.hi),
            "direction": fields.choice("direction", DIRECTIONS),
            "review_by": parse_date(item.get("review_by"), fields.name("review_by")).isoformat(),
            "shared": fields.boolean("shared", default=False),
        }
        _check_target(fields, goal)
        return goal
    return parse


def _check_target(fields: Fields, goal: dict) -> None:
    """A target on the wrong side of the baseline would count as reached from day one."""
    baseline, target = goal["baseline"], goal["target"]
    if baseline is None:
        return
    if goal["direction"] == "decrease" and target >= baseline:
        raise fields.fail("target", f"must be below the baseline ({baseline:g}) for a goal "
                                    "to decrease")
    if goal["direction"] == "increase" and target <= baseline:
        raise fields.fail("target", f"must be above the baseline ({baseline:g}) for a goal "
                                    "to increase")


def _intervention(seen: set[str], resource_exists: Callable[[str], None]) -> Callable[[Any, str], dict]:
    def parse(item: Any, prefix: str) -> dict:
        fields = Fields(item, ("intervention_id", "title", "resource_id", "homework_every_days",
                               "shared"), prefix)
        intervention = {
            "intervention_id": _item_id(fields, "intervention_id", "i", seen),
            "title": fields.text("title", max_len=MAX_TITLE),
            "resource_id": fields.text("resource_id", max_len=120, default=None),
            "homework_every_days": fields.integer("homework_every_days", lo=1, hi=90,
                                                  default=None),
            "shared": fields.boolean("shared", default=False),
        }
        if intervention["resource_id"] is not None:
            try:
                resource_exists(intervention["resource_id"])
            except NotFoundError as exc:
                raise fields.fail("resource_id", "is not a resource of the library") from exc
        return intervention
    return parse


def parse_plan(body: Any, resource_exists: Callable[[str], None]) -> tuple[dict, int | None]:
    """The validated plan and the version the editor started from (None: do not check)."""
    fields = Fields(body, ("goals", "interventions", "summary_for_patient", "version"))
    goal_ids: set[str] = set()
    intervention_ids: set[str] = set()
    plan = {
        "goals": fields.items("goals", _goal(goal_ids), max_items=MAX_GOALS, default=[]),
        "interventions": fields.items("interventions",
                                      _intervention(intervention_ids, resource_exists),
                                      max_items=MAX_INTERVENTIONS, default=[]),
        "summary_for_patient": fields.text("summary_for_patient", max_len=MAX_SUMMARY,
                                           min_len=0, default=""),
    }
    expected = fields.integer("version", lo=0, hi=1_000_000, default=None)
    return plan, expected


def check_value(goal: dict, value: Any, field: str = "value") -> float:
    """A hand-recorded value of a custom goal, in the measure's range."""
    measure = MEASURES[goal["measure"]]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        raise ValidationError(f"{field}: must be a number", field=field)
    if not measure.lo <= value <= measure.hi:
        raise ValidationError(f"{field}: must be between {measure.lo:g} and {measure.hi:g}",
                              field=field)
    return float(value)
