"""User stories walked click by click in a real browser (issue 16, items 3 and 6-10).

Each test is one story as a person lives it: they click, type and wait for what they would
wait for (a page drawn, a message shown), never for a fixed time. Set-up that the story is
not about (an approved therapist, a booking already confirmed) is made through the API, and
a confirmed booking is moved to "now" because bookable slots always lie in the future.
Every step saves a screenshot under test-artifacts/screenshots/journey-*.png.
"""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timezone

import pytest

from emotecare_dev.local.seed import DEMO_USERS
from tests.browser.conftest import DESKTOP, PHONE, sign_in
from tests.browser.test_session_flow import (_book_through_intake, _confirm_as_therapist, _move_to_now,
                                             _sign_up_patient)
from tests.support.accounts import PASSWORD, make_user
from tests.support.scheduling import approved_therapist, book, slot_after

pytestmark = [pytest.mark.browser, pytest.mark.stack, pytest.mark.slow]

OKAFOR = next(u for u in DEMO_USERS if u.email == "dr.okafor@emotecare.example")
EXPRESSIONS = {"angry", "disgust", "fear", "happy", "neutral", "sad", "surprise"}
WAIT_MS = 15_000


def _step(watched, name: str) -> None:
    watched.screenshot(f"journey-{name}")


def _no_problems(*pages) -> None:
    for watched in pages:
        assert not watched.problems(), watched.problems()


def _accessible(watched) -> None:
    """No serious WCAG A/AA violation (axe-core) on the page as it is now."""
    violations = watched.accessibility_violations()
    assert not violations, "\n".join(violations)


def _confirmed_now(stack, admin) -> dict:
    """A fresh therapist and patient with a confirmed session starting a minute from now."""
    therapist = approved_therapist(stack, admin, name="Dr. Journey")
    patient = make_user(stack, "patient", name="Jo Journey")
    response = book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 30))
    assert response.status_code == 201, response.text
    booking_id = response.json()["booking_id"]
    assert therapist.post(f"/bookings/{booking_id}/confirm").status_code == 200
    session_id = _move_to_now(stack, booking_id)
    return {"patient": patient, "therapist": therapist, "booking_id": booking_id,
            "session_id": session_id}


def _end_by_api(people: dict) -> None:
    session = f"/sessions/{people['session_id']}"
    for user in (people["therapist"], people["patient"]):
        assert user.post(f"{session}/join").status_code == 200
    assert people["therapist"].post(f"{session}/end").status_code == 200


def _compile_current_week(stack, patient_id: str, time_zone: str) -> str:
    """What the report worker does for the running week, through the operator's command."""
    from emotecare.weeks import week_of

    week = week_of(datetime.now(timezone.utc), time_zone)
    env = {**os.environ, **stack.env, "AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local"}
    done = subprocess.run([sys.executable, "-m", "emotecare_dev.cli", "report", "--week", week,
                           "--patient", patient_id], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return week


# --- the main story ---------------------------------------------------------------------

def test_main_story_from_sign_up_to_both_reading_the_summary(open_page, stack):
    """Sign up → intake → book → confirm → both join → analysis on → readings → end → summary."""
    patient = open_page(DESKTOP)
    _sign_up_patient(patient, stack)
    _step(patient, "main-01-patient-dashboard")
    booking_id = _book_through_intake(patient, OKAFOR, "grief")
    _step(patient, "main-02-booked-pending")
    therapist = open_page(DESKTOP)
    _confirm_as_therapist(therapist, OKAFOR, booking_id)
    _step(therapist, "main-03-therapist-confirmed")
    session_id = _move_to_now(stack, booking_id)

    therapist.open(f"/room/{session_id}", ready="#join-button")
    therapist.page.click("#join-button")
    patient.open("/dashboard")
    patient.page.locator("a", has_text="Join session").click()
    patient.page.wait_for_selector("#join-button", timeout=WAIT_MS)
    _step(patient, "main-04-patient-camera-check")
    patient.page.click("#join-button")
    therapist.page.wait_for_function(
        "() => { const v = document.querySelector('[data-testid=remote-video]');"
        " return v && v.readyState >= 2 && v.videoWidth > 0 && !v.paused; }", timeout=20_000)
    patient.page.locator("#analysis-switch").check()
    patient.page.wait_for_selector("[data-testid=analysis-on-banner]", timeout=5_000)
    therapist.page.wait_for_function(
        "() => /^[1-9]/.test(document.querySelector('[data-testid=record-count]').textContent)",
        timeout=20_000)
    expression = therapist.page.locator("[data-testid=current-expression]").inner_text().strip()
    assert expression.lower() in EXPRESSIONS | {"no face seen"}
    _step(therapist, "main-05-therapist-sees-readings")
    _step(patient, "main-06-patient-analysis-on")

    therapist.page.once("dialog", lambda dialog: dialog.accept())
    therapist.page.click("button:has-text('End session for both')")
    therapist.wait_for_path("/dashboard")
    therapist.settle()
    # The patient's room notices the end and sends them to their sessions.
    patient.wait_for_path("/bookings")
    patient.settle()

    # Both see the session as ended, with its summary, and nothing to join or change.
    for watched, who in ((therapist, "therapist"), (patient, "patient")):
        watched.open("/bookings")
        row = watched.page.locator(f"li.booking[data-booking-id='{booking_id}']").first
        row.wait_for(timeout=WAIT_MS)
        assert row.locator(".badge", has_text="ended").is_visible(), row.inner_text()
        for gone in ("Join session", "Reschedule", "Cancel"):
            assert row.locator(f"text={gone}").count() == 0, f"{who}: {gone!r} on an ended session"
        _step(watched, f"main-07-{who}-sessions-ended")
        row.locator("a", has_text="Summary").click()
        watched.wait_for_path(f"/sessions/{session_id}/summary")
        watched.settle()
        summary = watched.page.locator("[data-testid=session-summary]")
        assert "ended" in summary.inner_text().lower()
        _step(watched, f"main-08-{who}-summary")
    therapist_summary = therapist.page.locator("[data-testid=session-summary]")
    assert therapist_summary.locator("canvas").count() >= 1, therapist_summary.inner_text()
    assert "frames analysed" in therapist_summary.inner_text()
    _accessible(therapist)

    patient.open("/dashboard")
    assert patient.page.locator("main a", has_text="Join session").count() == 0
    _step(patient, "main-09-patient-dashboard-after")
    _no_problems(patient, therapist)


# --- item 3: PHQ-9 and GAD-7 --------------------------------------------------------------

def test_phq9_on_a_phone_item_9_opens_the_crisis_flow(open_page, stack, admin):
    """One item at a time on a phone; item 9 > 0 shows helplines and 'tell my therapist'."""
    people = _confirmed_now(stack, admin)
    watched = open_page(PHONE)
    sign_in(watched, people["patient"].email, PASSWORD)
    watched.settle()
    due = watched.page.locator("[data-testid=check-ins-due]")
    due.wait_for(timeout=WAIT_MS)
    assert "PHQ-9" in due.inner_text()
    _step(watched, "phq9-01-dashboard-due-375")
    due.locator("a", has_text="PHQ-9").click()
    watched.wait_for_path("/check-ins/phq9")
    watched.settle()
    for number in range(1, 10):
        item = watched.page.locator(f"fieldset[data-item='{number}']")
        assert item.is_visible(), f"item {number} must be on screen"
        assert watched.page.locator("fieldset[data-item]:visible").count() == 1, "one item at a time"
        item.locator("label", has_text="Several days" if number == 9 else "More than half the days").click()
        if number == 1:
            _step(watched, "phq9-02-first-item-375")
        watched.page.click("button:has-text('Next')" if number < 9 else "button:has-text('See my score')")
    result = watched.page.locator("[data-testid=questionnaire-result]")
    result.wait_for(timeout=WAIT_MS)
    assert "17 of 27" in result.inner_text()  # eight items × 2 + item 9 × 1
    assert "moderately severe" in result.inner_text().lower()
    crisis = watched.page.locator("[data-testid=crisis-box]")
    crisis.wait_for(timeout=WAIT_MS)
    assert crisis.is_visible()
    assert watched.page.evaluate(
        "() => { const r = document.querySelector('[data-testid=crisis-box]').getBoundingClientRect();"
        " return r.top < innerHeight && r.bottom > 0; }"), "the crisis box must be scrolled into view"
    assert "Samaritans" in crisis.inner_text()
    crisis.locator("button", has_text="Tell my therapist").click()
    crisis.get_by_text("Your therapist has been told").wait_for(timeout=WAIT_MS)
    _accessible(watched)
    _step(watched, "phq9-03-crisis-box-375")

    # The therapist sees the alert and the patient's PHQ-9 series on the patient's page.
    therapist = open_page(DESKTOP)
    sign_in(therapist, people["therapist"].email, PASSWORD)
    therapist.open(f"/patients/{people['patient'].user_id}")
    series = therapist.page.locator("[data-testid=questionnaire-series]")
    series.wait_for(timeout=WAIT_MS)
    assert "17" in series.inner_text() and "moderately severe" in series.inner_text().lower()
    assert series.locator("canvas").count() >= 1
    _step(therapist, "phq9-05-therapist-patient-page-1280")
    _no_problems(watched, therapist)


def test_gad7_on_a_desktop_all_items_then_history(open_page, stack):
    patient = make_user(stack, "patient", name="Gail Desk")
    watched = open_page(DESKTOP)
    sign_in(watched, patient.email, PASSWORD, next_path="/check-ins")
    watched.wait_for_path("/check-ins")
    watched.settle()
    _step(watched, "gad7-01-check-ins-1280")
    watched.page.locator("main a", has_text="GAD-7").first.click()
    watched.wait_for_path("/check-ins/gad7")
    watched.settle()
    assert watched.page.locator("fieldset[data-item]:visible").count() == 7, "all items on a desktop"
    for number in range(1, 8):
        watched.page.locator(f"fieldset[data-item='{number}'] label", has_text="Several days").click()
    _accessible(watched)
    _step(watched, "gad7-02-all-items-1280")
    watched.page.click("button:has-text('See my score')")
    result = watched.page.locator("[data-testid=questionnaire-result]")
    result.wait_for(timeout=WAIT_MS)
    assert "7 of 21" in result.inner_text() and "mild" in result.inner_text().lower()
    assert watched.page.locator("[data-testid=crisis-box]").count() == 0
    _accessible(watched)
    _step(watched, "gad7-03-result-1280")
    watched.page.locator("a", has_text="All check-ins").click()
    watched.wait_for_path("/check-ins")
    watched.settle()
    history = watched.page.locator("[data-testid=history-gad7]")
    assert history.locator("canvas").count() == 1
    assert "7" in history.inner_text()
    _accessible(watched)
    _step(watched, "gad7-04-history-1280")
    _no_problems(watched)


# --- item 6: the pre-call check ----------------------------------------------------------

def test_pre_call_check_shows_own_camera_mic_level_and_a_test_tone(open_page, stack, admin):
    people = _confirmed_now(stack, admin)
    watched = open_page(PHONE)
    sign_in(watched, people["patient"].email, PASSWORD, next_path=f"/room/{people['session_id']}")
    watched.page.wait_for_selector("#join-button", timeout=WAIT_MS)
    watched.page.wait_for_function(
        "() => { const v = document.querySelector('video.local'); return v && v.videoWidth > 0; }",
        timeout=WAIT_MS)
    # Own preview inside the visible video frame; the empty remote video is not shown yet.
    assert watched.page.evaluate(
        "() => { const frame = document.querySelector('.videos').getBoundingClientRect();"
        " const own = document.querySelector('video.local').getBoundingClientRect();"
        " return own.height > 100 && own.top >= frame.top - 1 && own.bottom <= frame.bottom + 1; }")
    assert not watched.page.locator("[data-testid=remote-video]").is_visible()
    watched.page.wait_for_function(
        "() => Number(document.querySelector('[role=meter]')?.getAttribute('aria-valuenow')) > 0",
        timeout=WAIT_MS)
    watched.page.click("button:has-text('Play a test sound')")
    watched.page.locator("text=Did you hear the tone?").wait_for(timeout=WAIT_MS)
    _accessible(watched)
    _step(watched, "camera-check-375")
    _no_problems(watched)


# --- item 7: an ended session -----------------------------------------------------------

def test_ended_session_shows_as_ended_with_its_summary(open_page, stack, admin):
    people = _confirmed_now(stack, admin)
    _end_by_api(people)
    for user, viewport in ((people["patient"], PHONE), (people["therapist"], DESKTOP)):
        watched = open_page(viewport)
        sign_in(watched, user.email, PASSWORD)
        watched.wait_for_path("/dashboard")
        watched.settle()
        if user is people["patient"]:
            assert watched.page.locator("main a", has_text="Join session").count() == 0
            assert "ended" in watched.page.locator("main").inner_text()
        watched.open(f"/bookings/{people['booking_id']}")
        main = watched.page.locator("main")
        assert main.locator(".badge", has_text="ended").is_visible()
        for gone in ("Join session", "Reschedule", "Cancel session"):
            assert main.locator(f"text={gone}").count() == 0, gone
        _step(watched, f"ended-booking-{user.role}")
        main.locator("a", has_text="Summary").click()
        watched.wait_for_path(f"/sessions/{people['session_id']}/summary")
        watched.settle()
        assert watched.page.locator("[data-testid=session-summary]").is_visible()
        _no_problems(watched)


# --- item 8: trends include the current week -------------------------------------------

def test_therapist_sees_a_session_that_just_ended_in_the_trends(open_page, stack, admin):
    from tests.support.frames import batch_of, face_jpeg, upload, wait_for

    people = _confirmed_now(stack, admin)
    session = f"/sessions/{people['session_id']}"
    patient, therapist = people["patient"], people["therapist"]
    for user in (therapist, patient):
        assert user.post(f"{session}/join").status_code == 200
    assert patient.put(f"{session}/consent", json={"analysis_on": True}).status_code == 200
    grant = patient.post(f"{session}/frames/grant").json()
    assert upload(grant, batch_of([face_jpeg()] * 4)).status_code in (200, 201, 204)
    wait_for(lambda: therapist.get(f"{session}/summary").json()["frames"] >= 4, timeout_s=60,
             what="the frames analysed")
    assert therapist.post(f"{session}/end").status_code == 200
    week = _compile_current_week(stack, patient.user_id, "Europe/London")

    watched = open_page(DESKTOP)
    sign_in(watched, therapist.email, PASSWORD)
    watched.open(f"/patients/{patient.user_id}")
    for box in ("weekly-trend", "session-trend"):
        section = watched.page.locator(f"[data-testid={box}]")
        assert section.locator("canvas").count() == 1, section.inner_text()
        assert "so far" in section.inner_text(), f"{box}: the running week must say it is partial"
    assert week in watched.page.locator("[data-testid=weekly-trend]").inner_text()
    _step(watched, "trends-current-week-1280")
    _no_problems(watched)


# --- item 9: messages for people --------------------------------------------------------

def test_messages_read_as_written_for_people(open_page, stack, admin):
    watched = open_page(PHONE)
    watched.open("/signup", ready="form input[name=password]")
    hint = watched.page.locator("form .hint").first.inner_text()
    assert "10 characters" in hint, hint
    assert watched.page.get_attribute("input[name=password]", "minlength") == "10"
    assert watched.page.get_attribute("input[name=name]", "maxlength")
    assert watched.page.get_attribute("input[name=email]", "maxlength")

    watched.open("/confirm?email=nobody%40test.emotecare.example", ready="input[name=code]")
    watched.page.fill("input[name=code]", "000000")
    watched.page.click("form button[type=submit]")
    error = watched.page.locator(".field-error")
    error.wait_for(timeout=WAIT_MS)
    assert "wrong code" not in error.inner_text() and "code:" not in error.inner_text()
    _step(watched, "messages-confirm-375")

    patient = make_user(stack, "patient")
    sign_in(watched, patient.email, PASSWORD, next_path="/chat")
    watched.wait_for_path("/chat")
    assert watched.page.get_attribute("#chat-text", "maxlength")
    watched.open("/journal", ready="textarea[name=text]")
    assert watched.page.get_attribute("textarea[name=text]", "maxlength") == "5000"

    therapist = approved_therapist(stack, admin, weekly=[{"weekday": 1, "start": "09:00", "end": "17:00"}])
    desk = open_page(DESKTOP)
    sign_in(desk, therapist.email, PASSWORD, next_path="/availability")
    desk.wait_for_path("/availability")
    desk.settle()
    row = desk.page.locator(".window").last
    row.locator("select[name=weekday]").select_option("7")
    row.locator("input[name=start]").fill("17:00")
    row.locator("input[name=end]").fill("09:00")
    desk.page.click("button:has-text('Save availability')")
    error = desk.page.locator(".field-error")
    error.wait_for(timeout=WAIT_MS)
    text = error.inner_text()
    assert "weekly[" not in text and "must be after start" not in text, text
    assert "Sunday" in text and "ends before it starts" in text, text
    _step(desk, "messages-availability-1280")
    _no_problems(watched, desk)


# --- item 10: the smaller things --------------------------------------------------------

def test_smaller_fixes_flash_days_off_slot_tabs_and_us_crisis_lines(open_page, stack, admin):
    # A fresh sign-up: "Email confirmed" must not follow the patient onto the dashboard.
    patient = open_page(DESKTOP)
    _sign_up_patient(patient, stack)
    patient.settle()
    assert "Email confirmed" not in patient.page.locator("#flash").inner_text()
    _step(patient, "small-01-dashboard-no-stale-flash")

    # The slot picker groups times by day: one day's buttons at a time.
    phone = open_page(PHONE)
    sign_in(phone, make_user(stack, "patient").email, PASSWORD)
    therapist = approved_therapist(stack, admin, weekly=[{"weekday": d, "start": "09:00", "end": "17:00"}
                                                         for d in range(1, 8)])
    phone.open(f"/therapists/{therapist.user_id}", ready=".slot-picker")
    phone.page.wait_for_selector(".slot-day button", timeout=WAIT_MS)
    visible = phone.page.locator(".slot-day button:visible").count()
    assert 0 < visible <= 24, f"{visible} time buttons on screen at once"
    tabs = phone.page.locator("[role=tab]")
    assert tabs.count() >= 2
    tabs.nth(1).click()
    assert tabs.nth(1).get_attribute("aria-selected") == "true"
    assert phone.page.locator(".slot-day button:visible").count() > 0
    _accessible(phone)
    _step(phone, "small-02-slot-tabs-375")
    picker = phone.page.evaluate("() => document.querySelector('.slot-picker').getBoundingClientRect().height")
    assert picker < 900, f"the slot picker is {picker} px tall on a phone"

    # A saved day off: "No days off planned." is gone once there is one. This therapist is
    # open around the clock: windows ending at midnight (24:00) show as "to 00:00".
    always_open = approved_therapist(stack, admin)
    desk = open_page(DESKTOP)
    sign_in(desk, always_open.email, PASSWORD, next_path="/availability")
    desk.wait_for_path("/availability")
    desk.settle()
    assert desk.page.locator("text=No days off planned.").is_visible()
    desk.page.click("button:has-text('Add days off')")
    assert not desk.page.locator("text=No days off planned.").is_visible()
    row = desk.page.locator(".exception").last
    row.locator("input[name=start]").fill("2027-01-04")
    row.locator("input[name=end]").fill("2027-01-08")
    desk.page.click("button:has-text('Save availability')")
    desk.page.wait_for_selector("#flash >> text=Availability saved", timeout=WAIT_MS)
    desk.open("/availability")
    assert desk.page.locator(".exception").count() == 1
    assert not desk.page.locator("text=No days off planned.").is_visible()
    saved = always_open.get("/therapists/me").json()["availability"]
    assert {w["end"] for w in saved["weekly"]} == {"24:00"}, saved["weekly"]
    _step(desk, "small-03-days-off-1280")

    # The US crisis page: 911, 988 and Crisis Text Line; not Europe's 112.
    crisis = open_page(PHONE)
    crisis.open("/crisis", ready="#country")
    crisis.page.select_option("#country", "US")
    crisis.page.locator("main li", has_text="Crisis Text Line").wait_for(timeout=WAIT_MS)
    lines = crisis.page.locator("main ul").inner_text()
    assert "911" in lines and "988" in lines and "112" not in lines, lines
    _step(crisis, "small-04-us-crisis-lines-375")
    _no_problems(patient, phone, desk, crisis)
