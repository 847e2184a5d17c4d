"""Tables of treatment plans: the current plan, every saved version, and what is recorded
against a plan between saves (custom measure values, homework ticks).

All three are keyed by `patient_id`, so the accounts area's export and deletion find them by
a key query; the plan of one patient-therapist pair is the range key `therapist_id`.
"""
from __future__ import annotations

from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model


class _PlansByReviewDate(GlobalSecondaryIndex):
    """A therapist's plans by their earliest goal review date (the Today page's "due")."""

    class Meta:
        index_name = "by-therapist-review"
        projection = AllProjection()

    therapist_id = UnicodeAttribute(hash_key=True)
    next_review_by = UnicodeAttribute(range_key=True)


class CarePlan(Model):
    """The current plan of one patient with one therapist; `body` is the plan as the API
    shows it (goals, interventions, summary_for_patient). `version` counts saves."""

    class Meta:
        table_name = "care-plans"

    patient_id = UnicodeAttribute(hash_key=True)
    therapist_id = UnicodeAttribute(range_key=True)
    version = NumberAttribute()
    body = JSONAttribute()
    updated_at = UnicodeAttribute()
    updated_by = UnicodeAttribute()
    # "9999-12-31" when no goal has a review date, so every plan stays in the index.
    next_review_by = UnicodeAttribute()
    by_therapist_review = _PlansByReviewDate()


class CarePlanVersion(Model):
    """One saved version of a plan, never changed again (`version_key` = "<therapist>#<000001>")."""

    class Meta:
        table_name = "care-plan-versions"

    patient_id = UnicodeAttribute(hash_key=True)
    version_key = UnicodeAttribute(range_key=True)
    therapist_id = UnicodeAttribute()
    version = NumberAttribute()
    body = JSONAttribute()
    saved_at = UnicodeAttribute()
    saved_by = UnicodeAttribute()


class CarePlanEntry(Model):
    """Something recorded against a plan between saves.

    `entry_key` = "value#<therapist>#<goal_id>#<recorded_at>" (a custom measure's value, by the
    therapist) or "tick#<therapist>#<intervention_id>#<YYYY-MM-DD>" (homework done that day,
    by the patient): both are read as key ranges.
    """

    class Meta:
        table_name = "care-plan-entries"

    patient_id = UnicodeAttribute(hash_key=True)
    entry_key = UnicodeAttribute(range_key=True)
    value = NumberAttribute(null=True)
    recorded_at = UnicodeAttribute()
    recorded_by = UnicodeAttribute()
