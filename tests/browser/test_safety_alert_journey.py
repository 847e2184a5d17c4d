"""Issue 23 in the browser: what the therapist and the patient see around a crisis.

- A therapist with Today, the inbox and the alerts list open sees a new alert on each within
  10 s, without reloading (the alert, the nav badge, a chime they can turn off, remembered
  by the browser); it is marked urgent, shows the patient's "you misunderstood" with its time,
  links to how to reach the patient, and can be marked "not a crisis" and exported.
- A patient gives a phone number and an emergency contact at sign-up and confirms where they
  are before joining a session; the therapist's contact page shows them with the emergency
  number of that place.
- The issue's own journey (benign messages, crisis, "I'm safe, you misunderstood", an ordinary
  message, "no thanks") also needs the graded safety model of the safety-model branch.

People and their history are set up through the API (as earlier visits would have); every
step under test is done in the browser. Screenshots: test-artifacts/screenshots/alerts-*.png.
"""
from __future__ import annotations

import csv
import io
import re
import uuid

import pytest
import requests
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, send_chat_message, sign_in
from tests.support.accounts import PASSWORD, TestUser
from tests.support.scheduling import book, slot_after
from tests.support.mail import wait_for_mail
from tests.support.sessions import make_session

pytestmark = [pytest.mark.browser, pytest.mark.stack]

CRISIS = "I am going to kill myself tonight, I have the pills ready"
# The issue's second benign example, "I'm going to take a long bath tonight.", is still flagged
# by crisis-3.0.0: a known false alarm, pinned in tests/safety/test_known_cases.py (which fails
# once the model stops flagging it, so it is moved back here then). Issue 23 stays open on it.
BENIGN = ("Can you just give me one practical thing to try tonight?",)
RETRACTION = "you misunderstood, I'm fine"  # a retraction to the check on main today
ISSUE_RETRACTION = "I'm safe, you misunderstood"  # the issue's words (graded model)
ORDINARY = "My cat died last week too"
NO_CHECK_IN = "No thanks, I don't want a check-in"
ALERT_WITHIN_MS = 10_000  # the issue's bar for an alert to reach an open page
PATIENT_NAME = "Alex Alerted"
CONTACT = {"name": "Jordan Reed", "phone": "+1 212 555 0147", "relationship": "sister"}


@pytest.fixture
def care_pair(people):
    """A US patient (988 and 911) whose booking makes the therapist theirs."""
    therapist = people.therapist(name="Dr. Alert Watcher")
    patient = people.patient(name=PATIENT_NAME, booked_with=therapist)
    assert patient.request("PATCH", "/me", json={"country": "US"}).status_code == 200
    return patient, therapist


def _therapist_page(open_page, therapist, path: str):
    """The therapist signed in on `path`, marked so that a reload would be noticed."""
    watched = open_page(DESKTOP)
    sign_in(watched, therapist.email, PASSWORD, next_path=path)
    watched.wait_for_path(path)
    watched.settle()
    watched.page.evaluate("() => { window.__openSince = Date.now(); }")
    return watched


def _still_the_same_page(watched) -> None:
    assert watched.page.evaluate("() => typeof window.__openSince === 'number'"), "the page was reloaded"


def _alert(watched, name: str):
    return watched.page.locator("[data-testid=safety-alert]", has_text=name).first


def _no_null_shown(watched) -> None:
    # No word boundaries: two skipped parts print as "nullnull".
    assert not re.search(r"null|undefined|NaN", watched.page.inner_text("body")), watched.page.inner_text("main")


def _patient_in_chat(open_page, patient):
    watched = open_page(PHONE)
    sign_in(watched, patient.email, PASSWORD, next_path="/chat")
    watched.wait_for_path("/chat")
    return watched


def _signed_in_over_api(stack, email: str) -> TestUser:
    signed_in = requests.post(f"{stack.api_url}/auth/signin", json={"email": email, "password": PASSWORD},
                              timeout=30).json()
    user = signed_in["user"]
    return TestUser(user["user_id"], email, user["role"], signed_in["id_token"], stack.api_url)


def _polls_seen(watched) -> int:
    return int(watched.page.evaluate("() => Number(document.body.dataset.alertPolls || 0)"))


def _after_two_polls(watched) -> None:
    """Wait until the alert watcher has asked the API twice more (absence is then meaningful)."""
    seen = _polls_seen(watched)
    watched.page.wait_for_function("(n) => Number(document.body.dataset.alertPolls || 0) >= n + 2", arg=seen,
                                   timeout=ALERT_WITHIN_MS + 5_000)


def test_a_crisis_reaches_every_open_therapist_page_within_10_s_and_the_therapist_can_act_on_it(
        open_page, stack, care_pair):
    patient, therapist = care_pair
    today = _therapist_page(open_page, therapist, "/dashboard")
    inbox = _therapist_page(open_page, therapist, "/messages")
    alerts = _therapist_page(open_page, therapist, "/alerts")

    # The chime: on by default, turned off and on again; the choice outlives a reload.
    sound = alerts.page.get_by_role("button", name=re.compile("Alert sound"))
    expect(sound).to_have_attribute("aria-pressed", "true")
    sound.click()
    expect(sound).to_have_attribute("aria-pressed", "false")
    alerts.page.reload()
    alerts.wait_drawn()
    sound = alerts.page.get_by_role("button", name=re.compile("Alert sound"))
    expect(sound).to_have_attribute("aria-pressed", "false")
    alerts.screenshot("alerts-01-sound-off-remembered-1280")
    sound.click()
    expect(sound).to_have_attribute("aria-pressed", "true")
    alerts.page.evaluate("() => { window.__openSince = Date.now(); }")
    assert _alert(today, PATIENT_NAME).count() == 0

    chat = _patient_in_chat(open_page, patient)
    send_chat_message(chat.page, CRISIS)
    box = chat.page.locator("[data-testid=crisis-box]")
    box.wait_for(timeout=20_000)
    chat.screenshot("alerts-02-patient-crisis-box-375")

    for watched in (today, alerts):
        alert = _alert(watched, PATIENT_NAME)
        alert.wait_for(timeout=ALERT_WITHIN_MS)
        assert "urgent" in alert.inner_text().lower()
        _still_the_same_page(watched)
    # The inbox has no list of alerts: the badge and the notice tell the therapist.
    badge = inbox.page.locator("[data-testid=alert-count]")
    badge.wait_for(timeout=ALERT_WITHIN_MS)
    assert badge.inner_text().strip() == "1"
    notice = inbox.page.locator("[data-testid=new-alert]")
    expect(notice).to_contain_text(PATIENT_NAME)
    expect(notice).to_contain_text("Urgent")
    # Announced politely to screen readers (issue 29): a live region that changes only when a
    # new alert arrives, never on the polls between.
    region = inbox.page.locator("#alert-notice")
    assert (region.get_attribute("aria-live"), region.get_attribute("role")) == ("polite", "status")
    _still_the_same_page(inbox)
    assert int(today.page.evaluate("() => Number(document.body.dataset.alertChimes || 0)")) >= 1
    today.screenshot("alerts-03-alert-on-open-today-page-1280")
    inbox.screenshot("alerts-04-badge-and-notice-on-inbox-1280")

    # "You misunderstood": the open alert shows it, with its time.
    answer = send_chat_message(chat.page, RETRACTION)
    assert "safe" in answer.lower()
    retraction = _alert(alerts, PATIENT_NAME).locator("[data-testid=retraction]")
    retraction.wait_for(timeout=ALERT_WITHIN_MS)
    assert "you misunderstood" in retraction.inner_text().lower()
    assert retraction.locator("time").get_attribute("datetime")
    _still_the_same_page(alerts)
    alerts.screenshot("alerts-05-retraction-on-the-alert-1280")

    # Not a crisis: kept with who and when, still listed, in the export.
    alert = _alert(alerts, PATIENT_NAME)
    alert.get_by_role("button", name="Not a crisis").click()
    alert.get_by_label("Why (optional)").fill("a film plot")
    alert.get_by_role("button", name="Mark as not a crisis").click()
    alert.get_by_text("Marked not a crisis by you").wait_for(timeout=10_000)
    expect(alert.locator("[data-testid=verdict]")).to_contain_text("a film plot")
    alerts.screenshot("alerts-06-marked-not-a-crisis-1280")
    with alerts.page.expect_download() as download:
        alerts.page.get_by_role("button", name="Download alerts (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert [(r["verdict"], r["verdict_note"]) for r in rows if r["type"] == "crisis_flagged"] == [
        ("not_a_crisis", "a film plot")]
    for watched in (today, inbox, alerts):
        _no_null_shown(watched)
    for watched in (today, inbox, alerts, chat):
        assert not watched.problems(), watched.problems()


def test_the_alert_leads_to_how_to_reach_the_patient_where_they_are(open_page, stack, care_pair):
    patient, therapist = care_pair
    assert patient.request("PATCH", "/me", json={"phone": "+1 212 555 0100", "emergency_contact": CONTACT}
                           ).status_code == 200
    # Where they said they are at the start of their last session: travelling in Ireland.
    assert patient.post("/me/location", json={"country": "IE", "region": "Leinster", "city": "Dublin"}
                        ).status_code == 200
    assert patient.post("/chat/messages", json={"text": CRISIS}).json()["crisis"]
    mail = wait_for_mail(stack, therapist.email, "URGENT safety alert")
    link = re.search(r"https?://\S+#(/patients/\S+/contact)", mail.text).group(1)

    desk = _therapist_page(open_page, therapist, "/dashboard")
    alert = _alert(desk, PATIENT_NAME)
    alert.wait_for(timeout=ALERT_WITHIN_MS)
    alert.get_by_role("link", name="How to reach them").click()
    desk.wait_for_path(link)
    desk.settle()
    main = desk.page.locator("main")
    for shown in ("+1 212 555 0100", "Jordan Reed", "+1 212 555 0147", "sister", "Dublin", "Leinster",
                  "Ireland", "112"):
        expect(main).to_contain_text(shown)
    assert desk.page.locator("a[href='tel:+12125550100']").count() == 1
    _no_null_shown(desk)
    desk.screenshot("alerts-07-how-to-reach-the-patient-1280")
    assert not desk.problems(), desk.problems()


def test_a_new_patient_gives_phone_and_emergency_contact_and_confirms_where_they_are_before_a_session(
        open_page, stack, people):
    therapist = people.therapist(name="Dr. Location Reader")
    watched = open_page(PHONE)
    page = watched.page
    email = f"pat-{uuid.uuid4().hex[:8]}@test.emotecare.example"
    watched.open("/signup", ready="form input[name=name]")
    page.fill("input[name=name]", "Robin Contact")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.check("input[name=role][value=patient]")
    page.fill("input[name=phone]", "call me maybe")
    page.fill("input[name='emergency_contact.name']", CONTACT["name"])
    page.fill("input[name='emergency_contact.phone']", CONTACT["phone"])
    page.fill("input[name='emergency_contact.relationship']", CONTACT["relationship"])
    page.click("form button[type=submit]")
    page.locator(".field-error").wait_for(timeout=10_000)  # a bad phone number is named, nothing lost
    assert page.input_value("input[name='emergency_contact.name']") == CONTACT["name"]
    watched.screenshot("alerts-08-sign-up-bad-phone-375")
    page.fill("input[name=phone]", "+1 212 555 0199")
    watched.screenshot("alerts-09-sign-up-with-contacts-375")
    page.click("form button[type=submit]")
    watched.wait_for_path("/confirm")
    code = re.search(r"\b(\d{6})\b", wait_for_mail(stack, email, "verification code").text).group(1)
    page.fill("input[name=code]", code)
    page.click("form button[type=submit]")
    watched.wait_for_path("/signin")
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    watched.wait_for_path("/dashboard")

    patient = _signed_in_over_api(stack, email)
    assert book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 30)).status_code == 201
    session_id = make_session(stack, patient, therapist)  # the booked session, starting in minutes
    watched.open(f"/room/{session_id}", ready="#join-button")
    step = page.locator("[data-testid=location-step]")
    expect(step).to_contain_text("Where are you right now")
    step.get_by_label("Country", exact=True).select_option(label="Australia")
    step.get_by_label("Region or state").fill("New South Wales")
    step.get_by_label("City (optional)").fill("Sydney")
    watched.screenshot("alerts-10-session-location-step-375")
    page.click("#join-button")
    page.locator("[data-testid=connection-status]").wait_for(timeout=15_000)

    contact = therapist.get(f"/patients/{patient.user_id}/contact").json()
    assert (contact["phone"], contact["emergency_contact"]) == ("+1 212 555 0199", CONTACT)
    assert {k: contact["location"][k] for k in ("country", "region", "city", "session_id")} == {
        "country": "AU", "region": "New South Wales", "city": "Sydney", "session_id": session_id}
    assert contact["emergency"]["number"] == "000"
    assert not watched.problems(), watched.problems()


def test_issue_23_journey_benign_words_crisis_retraction_ordinary_and_no_thanks(open_page, stack, care_pair):
    """The issue's bar as one journey. Benign words, "I'm safe, you misunderstood", the ordinary
    reply after it and the honoured "no thanks" come from the graded model of the safety-model
    branch: this journey passes once that branch is merged."""
    patient, therapist = care_pair
    today = _therapist_page(open_page, therapist, "/dashboard")
    chat = _patient_in_chat(open_page, patient)
    for i, text in enumerate(BENIGN, start=1):
        send_chat_message(chat.page, text)
        assert chat.page.locator("[data-testid=crisis-box]").count() == 0, text
        chat.screenshot(f"alerts-j{i}-benign-no-crisis-box-375")
    _after_two_polls(today)
    assert _alert(today, PATIENT_NAME).count() == 0
    assert today.page.locator("[data-testid=alert-count]").count() == 0

    send_chat_message(chat.page, CRISIS)
    chat.page.locator("[data-testid=crisis-box]").wait_for(timeout=20_000)
    _alert(today, PATIENT_NAME).wait_for(timeout=ALERT_WITHIN_MS)
    _still_the_same_page(today)
    chat.screenshot("alerts-j3-crisis-box-375")

    send_chat_message(chat.page, ISSUE_RETRACTION)
    _alert(today, PATIENT_NAME).locator("[data-testid=retraction]").wait_for(timeout=ALERT_WITHIN_MS)
    today.screenshot("alerts-j4-retraction-on-alert-1280")

    ordinary = send_chat_message(chat.page, ORDINARY)
    assert "safe right now" not in ordinary.lower() and chat.page.locator("[data-testid=crisis-box]").count() == 1
    chat.screenshot("alerts-j5-ordinary-reply-375")

    chat.page.get_by_role("button", name="New conversation").click()
    declined = send_chat_message(chat.page, NO_CHECK_IN)
    assert "how is your mood" not in declined.lower() and "let's check in" not in declined.lower(), declined
    chat.screenshot("alerts-j6-no-thanks-honoured-375")
    for watched in (today, chat):
        assert not watched.problems(), watched.problems()
