"""Crisis and data journeys, clicked and typed as a person would (issue 16, items 1, 2, 4, 5).

- A patient in crisis in chat asks to tell their therapist; the therapist sees the alert (time,
  source, a link to the patient) and acknowledges it, and gets a mail without the words.
- A journal entry with a crisis shows the helplines inline and the same offer.
- A patient who has done everything downloads their data from Account.

People and their history are set up through the API (as earlier visits would have); every
step under test is done in the browser. A screenshot of each step is kept.
"""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, add_journal_entry_expecting_crisis_box, sign_in
from tests.support.accounts import PASSWORD
from tests.support.everything import patient_who_did_everything
from tests.support.mail import wait_for_mail

pytestmark = [pytest.mark.browser, pytest.mark.stack]

CRISIS = "I am going to kill myself tonight, I have the pills ready"
LIFELINE = "988 Suicide & Crisis Lifeline — call or text 988"


@pytest.fixture
def patient_with_therapist(people):
    """A US patient (so the 988 line shows) whose booking makes the therapist theirs."""
    therapist = people.therapist(name="Dr. Alert Reader")
    patient = people.patient(name="Alex Crisis", booked_with=therapist)
    assert patient.request("PATCH", "/me", json={"country": "US"}).status_code == 200
    return patient, therapist


def _tell_my_therapist(watched, box, name: str) -> None:
    """Press "Tell my therapist" in the crisis box and wait for the confirmation."""
    box.get_by_role("button", name="Tell my therapist").click()
    box.get_by_text("Your therapist has been told").wait_for(timeout=15_000)
    watched.screenshot(name)


def test_crisis_in_chat_reaches_the_therapist_who_acknowledges_it(open_page, stack,
                                                                  patient_with_therapist):
    patient, therapist = patient_with_therapist
    watched = open_page(PHONE)
    sign_in(watched, patient.email, PASSWORD, next_path="/chat")
    watched.wait_for_path("/chat")
    page = watched.page
    page.fill("#chat-text", CRISIS)
    watched.screenshot("crisis-chat-1-typed-375")
    page.click("button:has-text('Send')")
    box = page.locator("[data-testid=crisis-box]")
    box.wait_for(timeout=20_000)
    expect(box).to_be_in_viewport()  # scrolled to: nobody has to look for it
    assert LIFELINE in box.inner_text()
    assert "988 — 988" not in box.inner_text()
    watched.screenshot("crisis-chat-2-crisis-box-375")
    _tell_my_therapist(watched, box, "crisis-chat-3-therapist-told-375")
    assert not watched.problems(), watched.problems()

    mail = wait_for_mail(stack, therapist.email, "asked you to reach out")
    assert f"#/patients/{patient.user_id}" in mail.text
    assert "pills" not in mail.text and "kill" not in mail.text

    desk = open_page(DESKTOP)
    sign_in(desk, therapist.email, PASSWORD)
    desk.wait_for_path("/dashboard")
    desk.settle()
    alert = desk.page.locator("[data-testid=safety-alert]", has_text="Alex Crisis").first
    alert.wait_for(timeout=15_000)
    text = alert.inner_text()
    assert "chat" in text.lower() and "asked you to reach out" in text.lower()
    assert alert.locator("time").first.get_attribute("datetime")
    desk.screenshot("crisis-chat-4-therapist-alert-1280")
    alert.get_by_role("button", name="Acknowledge").click()
    alert.get_by_text("Acknowledged by you").wait_for(timeout=15_000)
    desk.screenshot("crisis-chat-5-acknowledged-1280")
    desk.open("/dashboard")  # drawn again from what the API now holds
    desk.settle()
    again = desk.page.locator("[data-testid=safety-alert]", has_text="Alex Crisis").first
    again.get_by_text("Acknowledged by you").wait_for(timeout=15_000)
    assert again.get_by_role("button", name="Acknowledge").count() == 0
    again.get_by_role("link", name="Alex Crisis").click()
    desk.wait_for_path(f"/patients/{patient.user_id}")
    desk.page.locator("main h1", has_text="Alex Crisis").wait_for(timeout=15_000)
    desk.screenshot("crisis-chat-6-patient-page-1280")
    assert not desk.problems(), desk.problems()


def test_journal_crisis_shows_the_lines_inline_and_offers_to_tell_the_therapist(
        open_page, stack, patient_with_therapist):
    patient, therapist = patient_with_therapist
    watched = open_page(PHONE)
    sign_in(watched, patient.email, PASSWORD, next_path="/journal")
    watched.wait_for_path("/journal")
    watched.settle()
    box = add_journal_entry_expecting_crisis_box(watched, "1", CRISIS, "crisis-journal-1-typed-375",
                                                 submit="button:has-text('Add entry')")
    assert LIFELINE in box.inner_text()
    expect(box).to_be_in_viewport()
    watched.screenshot("crisis-journal-2-crisis-box-375")
    _tell_my_therapist(watched, box, "crisis-journal-3-therapist-told-375")
    mail = wait_for_mail(stack, therapist.email, "asked you to reach out")
    assert "pills" not in mail.text
    assert not watched.problems(), watched.problems()


def test_a_patient_who_did_everything_downloads_all_their_data(open_page, people):
    history = patient_who_did_everything(people)
    watched = open_page(DESKTOP)
    sign_in(watched, history.patient.email, PASSWORD, next_path="/account")
    watched.wait_for_path("/account")
    watched.settle()
    watched.screenshot("export-1-account-1280")
    with watched.page.expect_download(timeout=30_000) as download:
        watched.page.get_by_role("button", name="Download my data").click()
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())
    watched.screenshot("export-2-downloaded-1280")
    tables = exported["tables"]
    for table in ("users", "bookings", "sessions", "emotion-records", "journal",
                  "chat-conversations", "chat-messages", "questionnaires", "safety-events",
                  "reports"):
        assert tables.get(table), f"{table} is empty in the export"
    therapy = next(s for s in tables["sessions"]
                   if s["session_id"] == history.ids["therapy_session_id"])
    assert sorted(therapy["joined"]) == sorted([history.patient.user_id,
                                                history.therapist.user_id])
    kinds = {s["kind"] for s in tables["sessions"]}
    assert kinds >= {"therapy", "self_reflect"}
    assert {b["details"]["therapy_type"] for b in tables["bookings"]} >= {"individual", "couple"}
    assert not watched.problems(), watched.problems()
