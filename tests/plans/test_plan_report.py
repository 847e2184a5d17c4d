"""The weekly report's Plan section: each shared goal's value that week against its target."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
import requests

from emotecare.weeks import week_of
from tests.plans.conftest import phq9_answers, phq9_goal, plan_body
from tests.support.report_cli import compile_report

pytestmark = pytest.mark.stack


def test_the_weekly_report_shows_each_shared_goal_against_its_target(stack, therapist, patient):
    private = phq9_goal(goal_id="private", title="Hypothesis for supervision", shared=False,
                        measure="gad7", baseline=12, target=5)
    assert therapist.put(f"/patients/{patient.user_id}/plan",
                         json=plan_body(goals=[phq9_goal(), private])).status_code == 200
    patient.post("/questionnaires/phq9/responses", json={"answers": phq9_answers(10)})
    week = week_of(datetime.now(timezone.utc), "Europe/London")
    compile_report(stack, patient.user_id, week)

    report = therapist.get(f"/reports/{patient.user_id}/{week}")
    assert report.status_code == 200, report.text
    assert report.json()["summary"]["plan"] == [{
        "goal_id": "low-mood", "title": "Feel less low", "measure": "phq9", "baseline": 16,
        "target": 9, "direction": "decrease", "value": 10, "status": "on_track"}]
    html = requests.get(report.json()["html_url"], timeout=30).text
    assert '<h2 id="plan">Plan</h2>' in html and "Feel less low" in html
    assert "Hypothesis for supervision" not in html
