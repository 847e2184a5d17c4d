"""Issue 19's journey in a real browser: the therapist writes a plan with a PHQ-9 goal and an
intervention; the patient sees it on their dashboard, ticks the homework and completes a
PHQ-9; both see the progress; the weekly report shows the plan section.

The therapist and the patient each have their own browser context. Nothing talks to the API
behind the pages' back except to set the people up (an approved therapist, a booking) and to
compile the week's report, which the weekly schedule would do (`emotecare report`).
"""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from emotecare.weeks import week_of
from tests.browser.conftest import DESKTOP, PHONE, sign_in
from tests.support.accounts import PASSWORD, make_user
from tests.support.report_cli import compile_report
from tests.support.scheduling import approved_therapist, confirmed_booking

pytestmark = [pytest.mark.browser, pytest.mark.stack, pytest.mark.slow]
PHQ9_ANSWERS = [3, 3, 3, 1, 0, 0, 0, 0, 0]  # total 10, item 9 "Not at all"


@pytest.fixture
def pair(stack):
    admin = make_user(stack, "admin")
    therapist = approved_therapist(stack, admin, name="Dr. Plan Journey")
    patient = make_user(stack, "patient", name="Robin Plan")
    confirmed_booking(patient, therapist)  # the patient is in the therapist's care
    return therapist, patient


def _step(watched, name: str) -> None:
    watched.settle()
    watched.screenshot(f"plan-journey-{name}")
    assert not watched.problems(), watched.problems()


def _write_the_plan(t, patient_id: str) -> None:
    page = t.page
    page.get_by_role("link", name="Plan", exact=True).click()
    t.wait_for_path(f"/patients/{patient_id}/plan")
    page.wait_for_selector("#plan-form")
    _step(t, "02-therapist-plan-tab-empty")

    page.fill("textarea[name=summary_for_patient]",
              "We will work on low mood with thought records and check in with the PHQ-9.")
    page.get_by_role("button", name="Add a goal").click()
    page.fill('input[name="goals[0].title"]', "Feel less low")
    page.select_option('select[name="goals[0].measure"]', "phq9")
    page.select_option('select[name="goals[0].direction"]', "decrease")
    page.fill('input[name="goals[0].baseline"]', "16")
    page.fill('input[name="goals[0].target"]', "9")
    page.get_by_role("button", name="Add an intervention").click()
    page.fill('input[name="interventions[0].title"]', "CBT thought records")
    page.fill('input[name="interventions[0].homework_every_days"]', "1")
    _step(t, "03-therapist-plan-filled")
    page.get_by_role("button", name="Save plan").click()
    page.wait_for_selector("#flash >> text=Plan saved (version 1).")
    page.wait_for_selector(".plan-goals >> text=Feel less low")
    page.wait_for_selector(".plan-versions >> text=Version 1")
    _step(t, "04-therapist-plan-saved")


def _patient_sees_ticks_and_checks_in(p) -> None:
    page = p.page
    plan = page.locator("#my-plan")
    plan.locator(".plan-goal", has_text="Feel less low").wait_for()
    assert "low mood with thought records" in plan.inner_text()
    assert "no value yet" in plan.inner_text()
    _step(p, "05-patient-my-plan")

    page.get_by_label("CBT thought records").check()
    page.wait_for_selector("#flash >> text=Marked as done today.")
    plan.locator(".plan-todo", has_text="done today").wait_for()
    assert page.get_by_label("CBT thought records").is_checked()
    _step(p, "06-patient-homework-ticked")

    plan.get_by_role("link", name="Fill in the PHQ-9").click()
    p.wait_for_path("/check-ins/phq9")
    page.wait_for_selector("form.check-in")
    for number, value in enumerate(PHQ9_ANSWERS, start=1):
        page.check(f'input[name="item-{number}"][value="{value}"]')
    _step(p, "07-patient-phq9-filled")
    page.get_by_role("button", name="See my score").click()
    result = page.locator("[data-testid=questionnaire-result]")
    result.wait_for()
    assert "10 of 27" in result.inner_text()
    _step(p, "08-patient-phq9-result")

    page.get_by_role("link", name="Back home").click()
    p.wait_for_path("/dashboard")
    goal = page.locator("#my-plan .plan-goal", has_text="Feel less low")
    goal.locator("text=latest 10").wait_for()
    assert goal.locator(".badge", has_text="on track").is_visible()
    _step(p, "09-patient-sees-progress")


def test_plan_from_writing_to_progress_and_the_weekly_report(stack, open_page, pair):
    therapist, patient = pair
    t = open_page(DESKTOP)
    sign_in(t, therapist.email, PASSWORD, next_path=f"/patients/{patient.user_id}")
    t.wait_for_path(f"/patients/{patient.user_id}")
    _step(t, "01-therapist-patient-overview")
    _write_the_plan(t, patient.user_id)

    p = open_page(DESKTOP)
    sign_in(p, patient.email, PASSWORD)
    p.wait_for_path("/dashboard")
    _patient_sees_ticks_and_checks_in(p)

    t.open(f"/patients/{patient.user_id}/plan", ready=".plan-goals")
    goal = t.page.locator(".plan-goals .plan-goal", has_text="Feel less low")
    assert "latest 10" in goal.inner_text() and "-6 since the start" in goal.inner_text()
    assert goal.locator(".badge", has_text="on track").is_visible()
    _step(t, "10-therapist-sees-progress")

    week = week_of(datetime.now(timezone.utc), "Europe/London")
    compile_report(stack, patient.user_id, week)
    p.open("/reports", ready="main h1")
    p.page.get_by_role("link", name=f"Week {week}").click()
    p.wait_for_path(f"/reports/{patient.user_id}/{week}")
    section = p.page.locator("#report-plan")
    section.wait_for()
    assert "Feel less low" in section.inner_text() and "This week 10" in section.inner_text()
    assert section.locator(".badge", has_text="on track").is_visible()
    _step(p, "11-patient-weekly-report-plan")


def test_today_lists_plans_due_for_review_and_leads_to_the_plan(open_page, pair):
    therapist, patient = pair
    overdue = {"goal_id": "sleep", "title": "Sleep through most nights", "measure": "mood",
               "baseline": 4, "target": 7, "direction": "increase", "review_by": "2026-01-15",
               "shared": False}
    saved = therapist.put(f"/patients/{patient.user_id}/plan",
                          json={"goals": [overdue], "interventions": [], "summary_for_patient": ""})
    assert saved.status_code == 200, saved.text  # set-up: a plan written some weeks ago

    t = open_page(DESKTOP)
    sign_in(t, therapist.email, PASSWORD)
    t.wait_for_path("/dashboard")
    due = t.page.locator("#plans-due")
    due.get_by_role("link", name="Robin Plan").wait_for()
    assert "Sleep through most nights (review by 2026-01-15)" in due.inner_text()
    _step(t, "12-therapist-today-plans-due")

    due.get_by_role("link", name="Robin Plan").click()
    t.wait_for_path(f"/patients/{patient.user_id}/plan")
    goal = t.page.locator(".plan-goals .plan-goal", has_text="Sleep through most nights")
    goal.locator(".badge", has_text="review due (2026-01-15)").wait_for()
    _step(t, "13-therapist-plan-review-due")


def _fits_and_passes_axe(watched, name: str) -> list[str]:
    """Screenshot; problems: sideways scrolling, console errors, axe at this width (conftest)."""
    watched.settle()
    watched.screenshot(name)
    problems = [f"{name}: {p}" for p in watched.problems()]
    overflow = watched.page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 1:
        problems.append(f"{name}: wider than the screen by {overflow}px")
    problems += [f"{name}: accessibility: {v}" for v in watched.accessibility_violations()]
    return problems


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_plan_pages_are_accessible_and_fit_a_phone(open_page, pair, viewport):
    therapist, patient = pair
    body = {"goals": [{"goal_id": "low", "title": "Feel less low", "measure": "phq9", "baseline": 16,
                       "target": 9, "direction": "decrease", "review_by": "2026-01-15", "shared": True},
                      {"goal_id": "walks", "title": "Walks a week", "measure": "custom", "baseline": 0,
                       "target": 4, "direction": "increase", "review_by": "2099-01-01", "shared": False}],
            "interventions": [{"title": "CBT thought records", "homework_every_days": 2, "shared": True}],
            "summary_for_patient": "Low mood first."}
    assert therapist.put(f"/patients/{patient.user_id}/plan", json=body).status_code == 200
    size = viewport["width"]
    problems = []

    t = open_page(viewport)
    sign_in(t, therapist.email, PASSWORD, next_path=f"/patients/{patient.user_id}/plan")
    t.wait_for_path(f"/patients/{patient.user_id}/plan")
    t.page.wait_for_selector(".plan-goals")
    problems += _fits_and_passes_axe(t, f"plan-tab-{size}")
    t.open("/dashboard", ready="#plans-due li")
    problems += _fits_and_passes_axe(t, f"plan-today-{size}")

    p = open_page(viewport)
    sign_in(p, patient.email, PASSWORD)
    p.wait_for_path("/dashboard")
    p.page.wait_for_selector("#my-plan .plan-goal")
    problems += _fits_and_passes_axe(p, f"plan-my-plan-{size}")
    assert not problems, "\n".join(problems)
