"""Progress of each kind of goal, computed from data the product stored: PHQ-9 submissions,
journal moods, analysed frames (and compiled reports), values the therapist recorded."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from emotecare.db.models import Report
from emotecare.weeks import to_utc_text, week_of
from tests.plans.conftest import phq9_answers, phq9_goal, plan_body
from tests.reports.rows import RowMaker

pytestmark = pytest.mark.stack
ZONE = "Europe/London"  # the test users' time zone


def _week(moment: datetime) -> str:
    return week_of(moment, ZONE)


def _goal(plan: dict, goal_id: str) -> dict:
    return next(g for g in plan["goals"] if g["goal_id"] == goal_id)


def _series(goal: dict) -> dict:
    return {p["week"]: p["value"] for p in goal["progress"]["series"] if p["value"] is not None}


def test_phq9_progress_comes_from_the_patients_submissions(stack_tables, therapist, patient):
    now = datetime.now(timezone.utc)
    two_weeks_ago = now - timedelta(days=14)
    RowMaker().questionnaire(patient.user_id, "phq9", to_utc_text(two_weeks_ago), 18,
                             "moderately severe")
    assert therapist.put(f"/patients/{patient.user_id}/plan", json=plan_body()).status_code == 200
    submitted = patient.post("/questionnaires/phq9/responses", json={"answers": phq9_answers(10)})
    assert submitted.status_code == 201, submitted.text

    goal = _goal(therapist.get(f"/patients/{patient.user_id}/plan").json(), "low-mood")
    progress = goal["progress"]
    assert _series(goal) == {_week(two_weeks_ago): 18, _week(now): 10}
    assert len(progress["series"]) == 12 and progress["series"][-1]["week"] == _week(now)
    assert progress["latest"] == 10 and progress["change"] == -6
    assert progress["status"] == "on_track"  # 6 points down: reliable change for PHQ-9
    # The patient sees the same progress on the shared goal.
    assert patient.get("/me/plan").json()["goals"][0]["progress"] == progress


def test_a_phq9_rise_of_six_points_is_off_track(therapist, patient):
    therapist.put(f"/patients/{patient.user_id}/plan", json=plan_body(goals=[phq9_goal(baseline=12, target=6)]))
    patient.post("/questionnaires/phq9/responses", json={"answers": phq9_answers(18)})
    progress = therapist.get(f"/patients/{patient.user_id}/plan").json()["goals"][0]["progress"]
    assert (progress["latest"], progress["change"], progress["status"]) == (18, 6, "off_track")


def test_mood_goal_takes_its_baseline_from_the_journal_and_tracks_weekly_means(therapist, patient):
    now = datetime.now(timezone.utc)
    last_week = now - timedelta(days=7)
    for mood in (3, 5):
        entry = patient.post("/journal", json={"mood": mood, "created_at": to_utc_text(last_week)})
        assert entry.status_code == 201, entry.text
    goal = {"goal_id": "mood", "title": "Brighter days", "measure": "mood", "target": 7,
            "direction": "increase", "review_by": "2030-01-01", "shared": True}
    saved = therapist.put(f"/patients/{patient.user_id}/plan", json=plan_body(goals=[goal]))
    assert saved.status_code == 200, saved.text
    assert saved.json()["goals"][0]["baseline"] == 4  # last week's mean, when the goal was set
    patient.post("/journal", json={"mood": 7})

    progress = therapist.get(f"/patients/{patient.user_id}/plan").json()["goals"][0]["progress"]
    assert {p["week"]: p["value"] for p in progress["series"] if p["value"]} == {
        _week(last_week): 4, _week(now): 7}
    assert (progress["latest"], progress["change"], progress["status"]) == (7, 3, "on_track")


def test_valence_goal_reads_compiled_reports_and_this_weeks_frames(stack_tables, therapist, patient):
    rows = RowMaker()
    now = datetime.now(timezone.utc)
    earlier = _week(now - timedelta(days=14))
    Report(patient.user_id, earlier, created_at=to_utc_text(now),
           summary={"complete": True, "emotions": {"mean_valence": -0.3}}).save()
    session = rows.session(patient.user_id, started_at=to_utc_text(now - timedelta(seconds=30)),
                           therapist_id=therapist.user_id)
    rows.frames(session, to_utc_text(now - timedelta(seconds=30)), [(6, "happy"), (4, None)])
    goal = {"goal_id": "calm", "title": "More ease in sessions", "measure": "valence",
            "baseline": -0.5, "target": 0.5, "direction": "increase", "review_by": "2030-01-01",
            "shared": False}
    therapist.put(f"/patients/{patient.user_id}/plan", json=plan_body(goals=[goal]))

    plan = therapist.get(f"/patients/{patient.user_id}/plan").json()
    goal = plan["goals"][0]
    assert _series(goal) == {earlier: -0.3, _week(now): 1.0}  # frames without a face left out
    assert goal["progress"]["status"] == "on_track"
    assert patient.get("/me/plan").json()["goals"] == []  # not shared


def test_custom_goal_values_are_recorded_by_the_therapist(therapist, patient, other_therapist):
    goal = {"goal_id": "walks", "title": "Walks a week", "measure": "custom", "baseline": 0,
            "target": 4, "direction": "increase", "review_by": "2030-01-01", "shared": True}
    therapist.put(f"/patients/{patient.user_id}/plan",
                  json=plan_body(goals=[goal, phq9_goal()]))
    path = f"/patients/{patient.user_id}/plan/values"
    recorded = therapist.post(path, json={"goal_id": "walks", "value": 3})
    assert recorded.status_code == 201, recorded.text
    progress = _goal(recorded.json(), "walks")["progress"]
    assert (progress["latest"], progress["change"], progress["status"]) == (3, 3, "on_track")

    not_custom = therapist.post(path, json={"goal_id": "low-mood", "value": 3})
    assert not_custom.status_code == 400 and not_custom.json()["field"] == "goal_id"
    assert therapist.post(path, json={"goal_id": "walks", "value": "many"}).json()["field"] == "value"
    assert other_therapist.post(path, json={"goal_id": "walks", "value": 1}).status_code == 404
    assert patient.post(path, json={"goal_id": "walks", "value": 4}).status_code == 403
    assert _goal(patient.get("/me/plan").json(), "walks")["progress"]["latest"] == 3
