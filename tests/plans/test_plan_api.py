"""Plans through the API: who may read and write them, validation, versions, the shared part,
homework ticks and the review-due list."""
from __future__ import annotations

import pytest

from tests.plans.conftest import phq9_goal, plan_body
from tests.support.accounts import make_user

pytestmark = pytest.mark.stack


def _put(therapist, patient, body):
    return therapist.put(f"/patients/{patient.user_id}/plan", json=body)


def test_only_the_patients_therapist_reads_and_writes_the_plan(stack, admin, therapist, patient,
                                                               other_therapist):
    path = f"/patients/{patient.user_id}/plan"
    empty = therapist.get(path)
    assert empty.status_code == 200, empty.text
    assert empty.json()["version"] == 0 and empty.json()["goals"] == []
    assert _put(therapist, patient, plan_body()).status_code == 200
    for method in ("GET", "PUT"):
        kwargs = {"json": plan_body()} if method == "PUT" else {}
        assert other_therapist.request(method, path, **kwargs).status_code == 404
        assert admin.request(method, path, **kwargs).status_code == 403
        assert patient.request(method, path, **kwargs).status_code == 403
    assert other_therapist.get(f"{path}/versions").status_code == 404
    assert admin.get(f"{path}/versions").status_code == 403
    # The other therapist's write changed nothing.
    assert therapist.get(path).json()["version"] == 1


def test_every_save_is_a_version_that_can_be_read_back(therapist, patient):
    first = _put(therapist, patient, plan_body())
    assert first.status_code == 200, first.text
    assert first.json()["version"] == 1
    changed = plan_body(goals=[phq9_goal(target=7)], version=1)
    second = _put(therapist, patient, changed)
    assert second.status_code == 200, second.text
    assert second.json()["version"] == 2
    assert second.json()["goals"][0]["target"] == 7

    versions = therapist.get(f"/patients/{patient.user_id}/plan/versions").json()["versions"]
    assert [v["version"] for v in versions] == [2, 1]
    assert [v["goals"][0]["target"] for v in versions] == [7, 9]
    assert all(v["saved_by"] == therapist.user_id and v["saved_at"].endswith("Z")
               for v in versions)


def test_a_save_from_a_stale_version_is_refused_and_loses_nothing(therapist, patient):
    _put(therapist, patient, plan_body())
    _put(therapist, patient, plan_body(goals=[phq9_goal(target=8)], version=1))
    stale = _put(therapist, patient, plan_body(goals=[phq9_goal(target=5)], version=1))
    assert stale.status_code == 409
    assert "reload" in stale.json()["error"]
    assert therapist.get(f"/patients/{patient.user_id}/plan").json()["goals"][0]["target"] == 8


@pytest.mark.parametrize("body, field", [
    (plan_body(goals=[phq9_goal(measure="weight")]), "goals[0].measure"),
    (plan_body(goals=[phq9_goal(target=30)]), "goals[0].target"),
    (plan_body(goals=[phq9_goal(target=20)]), "goals[0].target"),  # above a baseline to decrease
    (plan_body(goals=[phq9_goal(direction="sideways")]), "goals[0].direction"),
    (plan_body(goals=[phq9_goal(review_by="next week")]), "goals[0].review_by"),
    (plan_body(goals=[phq9_goal(title="")]), "goals[0].title"),
    (plan_body(goals=[phq9_goal(), phq9_goal()]), "goals[1].goal_id"),
    (plan_body(goals=[phq9_goal(colour="red")]), "goals[0].colour"),
    (plan_body(interventions=[{"title": "Read", "resource_id": "no-such-thing"}]),
     "interventions[0].resource_id"),
    (plan_body(interventions=[{"title": "Walk", "homework_every_days": 0}]),
     "interventions[0].homework_every_days"),
    (plan_body(summary_for_patient="x" * 4001), "summary_for_patient"),
    ({"goals": "all of them"}, "goals"),
])
def test_bad_plans_are_refused_naming_the_field_and_keep_the_stored_plan(therapist, patient,
                                                                          body, field):
    _put(therapist, patient, plan_body())
    response = _put(therapist, patient, body)
    assert response.status_code == 400, response.text
    assert response.json()["field"] == field
    assert field.split(".")[-1].split("[")[0] in response.json()["error"]
    assert therapist.get(f"/patients/{patient.user_id}/plan").json()["version"] == 1


def test_an_intervention_may_link_a_library_resource(therapist, patient):
    resource_id = patient.get("/resources").json()["resources"][0]["id"]
    body = plan_body(interventions=[{"title": "Sleep hygiene", "resource_id": resource_id,
                                     "shared": True}])
    response = _put(therapist, patient, body)
    assert response.status_code == 200, response.text
    assert response.json()["interventions"][0]["resource_id"] == resource_id


def test_the_patient_sees_only_the_shared_part(therapist, patient):
    private_goal = phq9_goal(goal_id="private", title="Therapist's own hypothesis",
                             shared=False, measure="gad7", baseline=12, target=6)
    body = plan_body(goals=[phq9_goal(), private_goal],
                     interventions=[{"intervention_id": "thought-records", "title": "Thought records",
                                     "shared": True},
                                    {"intervention_id": "exposure", "title": "Exposure later",
                                     "shared": False}])
    assert _put(therapist, patient, body).status_code == 200
    mine = patient.get("/me/plan")
    assert mine.status_code == 200, mine.text
    plan = mine.json()
    assert plan["exists"] is True
    assert [g["goal_id"] for g in plan["goals"]] == ["low-mood"]
    assert [i["intervention_id"] for i in plan["interventions"]] == ["thought-records"]
    assert plan["summary_for_patient"] == body["summary_for_patient"]
    assert "Therapist's own hypothesis" not in mine.text and "Exposure later" not in mine.text
    assert "shared" not in plan["goals"][0] and "version" not in plan
    assert "progress" in plan["goals"][0]


def test_a_patient_without_a_plan_gets_an_empty_one(stack, therapist, patient):
    assert patient.get("/me/plan").json()["exists"] is False
    loner = make_user(stack, "patient")
    answer = loner.get("/me/plan").json()
    assert answer["exists"] is False and answer["therapist_id"] is None


def test_homework_ticks_are_stored_and_only_on_shared_interventions(therapist, patient):
    body = plan_body(interventions=[
        {"intervention_id": "walk", "title": "Walk", "homework_every_days": 2, "shared": True},
        {"intervention_id": "hidden", "title": "Hidden", "homework_every_days": 1, "shared": False}])
    assert _put(therapist, patient, body).status_code == 200
    before = patient.get("/me/plan").json()["interventions"][0]["homework"]
    assert before["due"] is True and before["ticked_days"] == []

    ticked = patient.put("/me/plan/homework", json={"intervention_id": "walk", "done": True})
    assert ticked.status_code == 200, ticked.text
    homework = ticked.json()["interventions"][0]["homework"]
    assert homework["done_today"] is True and homework["due"] is False
    assert len(homework["ticked_days"]) == 1
    # Stored: a fresh read (and the therapist's view) still shows it.
    assert patient.get("/me/plan").json()["interventions"][0]["homework"]["done_today"] is True
    therapist_view = therapist.get(f"/patients/{patient.user_id}/plan").json()
    assert therapist_view["interventions"][0]["homework"]["done_today"] is True

    assert patient.put("/me/plan/homework", json={"intervention_id": "hidden"}).status_code == 404
    bad_day = patient.put("/me/plan/homework", json={"intervention_id": "walk", "day": "2001-01-01"})
    assert bad_day.status_code == 400 and bad_day.json()["field"] == "day"
    untick = patient.put("/me/plan/homework", json={"intervention_id": "walk", "done": False})
    assert untick.json()["interventions"][0]["homework"]["ticked_days"] == []


def test_a_passed_review_date_flags_the_goal_and_lists_the_plan(therapist, patient, other_therapist):
    body = plan_body(goals=[phq9_goal(review_by="2025-01-31"),
                            phq9_goal(goal_id="later", review_by="2099-01-01")])
    saved = _put(therapist, patient, body).json()
    assert [g["review_due"] for g in saved["goals"]] == [True, False]
    assert saved["review_due"] is True
    due = therapist.get("/plans/review-due")
    assert due.status_code == 200, due.text
    [listed] = [p for p in due.json()["plans"] if p["patient_id"] == patient.user_id]
    assert [g["goal_id"] for g in listed["goals"]] == ["low-mood"]
    assert listed["patient_name"]
    assert all(p["patient_id"] != patient.user_id
               for p in other_therapist.get("/plans/review-due").json()["plans"])
    # Reviewed: a new date takes it off the list.
    _put(therapist, patient, plan_body(goals=[phq9_goal(review_by="2099-02-01")]))
    assert all(p["patient_id"] != patient.user_id
               for p in therapist.get("/plans/review-due").json()["plans"])
