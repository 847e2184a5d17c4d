"""Plans and the patient's data rights: the export keeps the therapist's unshared work out but
holds the patient's own homework ticks; deleting the account removes every plan row."""
from __future__ import annotations

import pytest

from emotecare.db.plans import CarePlan, CarePlanEntry, CarePlanVersion
from tests.plans.conftest import phq9_goal, plan_body

pytestmark = pytest.mark.stack


def test_export_leaves_out_the_therapists_plan_and_deletion_removes_it(stack_tables, therapist,
                                                                       patient):
    private = phq9_goal(goal_id="private", title="Hypothesis for supervision", shared=False)
    assert therapist.put(f"/patients/{patient.user_id}/plan",
                         json=plan_body(goals=[phq9_goal(), private])).status_code == 200
    ticked = patient.put("/me/plan/homework", json={"intervention_id": "thought-records"})
    assert ticked.status_code == 200, ticked.text

    export = patient.get("/me/export")
    assert export.status_code == 200, export.text
    tables = export.json()["tables"]
    assert "care-plans" not in tables and "care-plan-versions" not in tables
    assert "Hypothesis for supervision" not in export.text
    assert len(tables["care-plan-entries"]) == 1  # the homework tick is the patient's own

    assert patient.delete("/me").status_code == 204
    for model in (CarePlan, CarePlanVersion, CarePlanEntry):
        assert list(model.query(patient.user_id)) == [], model.__name__
    assert therapist.get(f"/patients/{patient.user_id}/plan").status_code == 404
