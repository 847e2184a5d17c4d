"""Issue 24 in a real browser: asking a therapist for care and their accepting it (then
discharging), sharing a self-reflect session and taking it back, and "Who has seen my data".

Each person has their own browser context; set-up a person would have done long before
(accounts, a confirmed booking) goes through the API, the journey itself is clicked.
"""
from __future__ import annotations

import pytest

from tests.browser.conftest import DESKTOP, PHONE, sign_in
from tests.support.accounts import PASSWORD, make_user
from tests.support.scheduling import approved_therapist, confirmed_booking

pytestmark = [pytest.mark.browser, pytest.mark.stack, pytest.mark.slow]


@pytest.fixture(scope="module")
def admin(stack):
    return make_user(stack, "admin")


def _patient_row(watched, patient_id: str):
    return watched.page.locator(f"li[data-patient-id='{patient_id}']")


def test_a_patient_asks_the_therapist_accepts_they_write_and_discharge_makes_it_read_only(
        open_page, stack, admin):
    therapist = approved_therapist(stack, admin, name="Dr. Accept")
    patient = make_user(stack, "patient", name="Robin Request")
    p = open_page(DESKTOP)
    sign_in(p, patient.email, PASSWORD)
    p.open("/messages")
    p.page.locator("main a.button[href='#/find']").wait_for()  # a way on, not a dead end
    p.screenshot("care-1-messages-before-care-1280")

    p.open(f"/therapists/{therapist.user_id}", ready="#therapist-choice button")
    assert p.page.inner_text("[data-testid=licensed-in]") == "GB"
    p.page.click("#therapist-choice button:has-text('Ask Dr. Accept to be your therapist')")
    p.page.wait_for_selector("#therapist-choice [data-care=requested]", timeout=10_000)
    p.screenshot("care-2-request-sent-1280")
    p.open("/messages")
    assert "once they accept" in p.page.inner_text("[data-testid=care-waiting]")
    assert p.page.locator("main a.button:has-text('Write to Dr. Accept')").count() == 0

    t = open_page(DESKTOP)
    sign_in(t, therapist.email, PASSWORD)
    t.open("/patients")
    row = _patient_row(t, patient.user_id)
    assert row.get_attribute("data-care") == "requested"
    t.screenshot("care-3-therapist-sees-request-1280")
    row.locator("button[data-action=accept]").click()
    t.page.wait_for_selector(f"li[data-patient-id='{patient.user_id}'][data-care=active]",
                             timeout=10_000)
    t.screenshot("care-4-therapist-accepted-1280")

    p.open("/messages")
    p.page.click("main a.button:has-text('Write to Dr. Accept')")
    p.wait_for_path(f"/messages/{therapist.user_id}")
    p.page.fill("#message-text", "Thank you for taking me on.")
    p.page.click("#message-form button[type=submit]")
    p.page.wait_for_selector(".message-log li.me >> text=Thank you for taking me on.",
                             timeout=10_000)

    _patient_row(t, patient.user_id).locator("button[data-action=discharge]").click()
    t.page.wait_for_selector(f"li[data-patient-id='{patient.user_id}'][data-care=ended]",
                             timeout=10_000)
    t.screenshot("care-5-therapist-discharged-1280")
    p.open(f"/messages/{therapist.user_id}", ready=".message-log")
    assert p.page.locator("#message-form").count() == 0
    assert "no longer write" in p.page.inner_text("main")
    p.screenshot("care-6-thread-read-only-1280")


def test_a_patient_shares_a_self_reflect_session_takes_it_back_and_sees_who_read_their_data(
        open_page, stack, admin):
    therapist = approved_therapist(stack, admin, name="Dr. Reader")
    patient = make_user(stack, "patient", name="Kim Private")
    confirmed_booking(patient, therapist)
    started = patient.post("/self-reflect")
    assert started.status_code == 201, started.text
    session_id = started.json()["session_id"]

    p = open_page(PHONE)
    sign_in(p, patient.email, PASSWORD)
    p.open(f"/self-reflect/{session_id}/report", ready="#sharing button")
    status = p.page.locator("[data-testid=sharing-status]")
    assert "Only you see this session" in status.inner_text()
    p.screenshot("care-7-self-reflect-private-375")
    p.page.click("#sharing button:has-text('Share with my therapist')")
    p.page.wait_for_selector("#sharing button[data-shared=true]", timeout=10_000)
    assert "Shared with your therapist" in status.inner_text()
    p.open(f"/self-reflect/{session_id}/report", ready="#sharing button")
    assert "Shared with your therapist" in p.page.inner_text("[data-testid=sharing-status]")
    p.screenshot("care-8-self-reflect-shared-375")
    p.page.click("#sharing button:has-text('Stop sharing')")
    p.page.wait_for_selector("#sharing button[data-shared=false]", timeout=10_000)

    t = open_page(DESKTOP)
    sign_in(t, therapist.email, PASSWORD)
    t.open(f"/patients/{patient.user_id}")  # the overview reads trends and check-ins

    p.open("/account", ready="#access-log-link")
    p.page.click("#access-log-link")
    p.wait_for_path("/access-log")
    p.settle()
    log = p.page.locator("[data-testid=access-log]")
    assert "Dr. Reader (therapist)" in log.inner_text()
    assert "your trends" in log.inner_text()
    p.screenshot("care-9-who-has-seen-my-data-375")
    assert not p.problems() and not t.problems()
