"""The rough edges a walk-through found (issue 29, points 2 and 3), each walked in a browser:
the Join button at its time without a reload, field paths in words, admin vocabularies as
selects, prices and language names in the reader's terms, long words on a phone, no
rescheduling inside 24 hours, and one request per double click on "Confirm"."""
from __future__ import annotations

import re

import pytest

from emotecare.library.resources import TOPICS, TYPES
from tests.browser.conftest import DESKTOP, PHONE, sign_in
from tests.browser.test_session_flow import _move_to_now
from tests.support.accounts import PASSWORD, make_user
from tests.support.scheduling import approved_therapist, book, slot_after

pytestmark = [pytest.mark.browser, pytest.mark.stack, pytest.mark.slow]

WAIT_MS = 15_000


def _booked(stack, admin, name: str, *, confirm: bool = True, minutes_from_now: int | None = None):
    therapist = approved_therapist(stack, admin, name=f"Dr. {name}")
    patient = make_user(stack, "patient", name=f"Pat {name}")
    response = book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 30))
    assert response.status_code == 201, response.text
    booking_id = response.json()["booking_id"]
    if confirm:
        assert therapist.post(f"/bookings/{booking_id}/confirm").status_code == 200
    if minutes_from_now is not None:
        _move_to_now(stack, booking_id, minutes_from_now)
    return therapist, patient, booking_id


def _fits(watched) -> int:
    return watched.page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


def test_the_join_button_appears_at_ten_minutes_without_a_reload(open_page, stack, admin):
    therapist, patient, booking_id = _booked(stack, admin, "Clock", minutes_from_now=12)
    pages = []
    for user, card in ((patient, "main .next-session"),
                       (therapist, f"main li.booking[data-booking-id='{booking_id}']")):
        watched = open_page(DESKTOP)
        watched.page.clock.install()  # the page's own clock, moved on below: no twelve-minute wait
        sign_in(watched, user.email, PASSWORD)
        watched.wait_for_path("/dashboard")
        watched.settle()
        pages.append((user.role, watched, watched.page.locator(card)))
    patient_card = pages[0][2]
    assert "appears here 10 minutes before the start" in patient_card.inner_text()
    for _, watched, card in pages:
        assert card.locator("a", has_text="Join session").count() == 0, card.inner_text()
        watched.page.clock.fast_forward("03:00")  # now 9 to 10 minutes before the start
    for role, watched, card in pages:
        card.locator("a", has_text="Join session").wait_for(timeout=WAIT_MS)
        watched.screenshot(f"rough-join-appears-{role}-1280")
        assert not watched.problems(), watched.problems()


def test_an_invalid_plan_goal_is_named_in_words(open_page, stack, admin):
    therapist, patient, _ = _booked(stack, admin, "Words")  # in care: the plan is theirs to write
    watched = open_page(DESKTOP)
    sign_in(watched, therapist.email, PASSWORD, next_path=f"/patients/{patient.user_id}/plan")
    watched.wait_for_path(f"/patients/{patient.user_id}/plan")
    page = watched.page
    page.wait_for_selector("#plan-form")
    page.get_by_role("button", name="Add a goal").click()
    page.fill('input[name="goals[0].title"]', "Feel less low")
    page.select_option('select[name="goals[0].measure"]', "phq9")
    page.fill('input[name="goals[0].target"]', "99")
    page.get_by_role("button", name="Save plan").click()
    error = page.locator(".field-error")
    error.wait_for(timeout=WAIT_MS)
    text = error.inner_text()
    assert "goals[" not in text and "Goal 1, target" in text, text
    watched.screenshot("rough-plan-error-in-words-1280")


def test_admin_chooses_a_resource_topic_and_kind_from_lists(open_page, stack, admin):
    watched = open_page(DESKTOP)
    sign_in(watched, admin.email, PASSWORD, next_path="/admin/resources")
    watched.wait_for_path("/admin/resources")
    watched.settle()
    page = watched.page
    form = page.locator("main form").first
    values = form.locator("select[name=topic] option").evaluate_all("(os) => os.map((o) => o.value)")
    assert [v for v in values if v] == list(TOPICS)
    kinds = form.locator("select[name=type] option").evaluate_all("(os) => os.map((o) => o.value)")
    assert kinds == list(TYPES)
    form.locator("input[name=title]").fill("Breathing for sleep")
    form.locator("select[name=topic]").select_option("sleep")
    form.locator("select[name=type]").select_option("exercise")
    form.locator("textarea[name=summary]").fill("A slow breathing exercise before bed.")
    form.locator("input[name=source_name]").fill("NHS")
    form.locator("input[name=source_url]").fill("https://www.nhs.uk/")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("#flash >> text=Resource added.", timeout=WAIT_MS)
    watched.screenshot("rough-admin-resource-selects-1280")
    assert not watched.problems(), watched.problems()


@pytest.mark.parametrize(("locale", "price"), [("en-GB", "£50 per session"), ("de-DE", "50 £ per session")])
def test_prices_and_languages_read_in_the_viewers_terms(open_page, stack, admin, locale, price):
    therapist = approved_therapist(stack, admin, name=f"Dr. Pound {locale}", currency="GBP",
                                   price_per_session=50, languages=["en", "es"])
    watched = open_page(DESKTOP, locale=locale)
    watched.open(f"/therapists/{therapist.user_id}", ready="main dl")
    text = watched.page.inner_text("main").replace("\u00a0", " ")
    assert price in text, text
    assert "English, Spanish" in text, text
    watched.open("/therapists", ready="article.therapist-card")
    card = watched.page.locator("article.therapist-card", has_text=f"Dr. Pound {locale}")
    card_text = card.inner_text().replace("\u00a0", " ")
    assert price in card_text and "speaks Spanish" in card_text, card_text
    assert not re.search(r"speaks (en|es)\b", card_text), card_text
    watched.screenshot(f"rough-price-{locale}-1280")


def test_a_long_word_stays_inside_the_inbox_on_a_phone(open_page, stack, admin):
    therapist = approved_therapist(stack, admin, name="Dr. Wrap")
    patient = make_user(stack, "patient", name="Wren Wrap")
    assert patient.put("/me/therapist", json={"therapist_id": therapist.user_id}).status_code == 200
    assert therapist.post(f"/patients/{patient.user_id}/care/accept").status_code == 200
    word = "Supercalifragilistic" * 12
    assert patient.post(f"/messages/threads/{therapist.user_id}", json={"text": word}).status_code in (200, 201)
    for user, path in ((therapist, "/messages"), (therapist, f"/messages/{patient.user_id}"),
                       (patient, f"/messages/{therapist.user_id}")):
        watched = open_page(PHONE)
        sign_in(watched, user.email, PASSWORD, next_path=path)
        watched.wait_for_path(path)
        watched.settle()
        watched.page.wait_for_selector(f"main >> text=/{word[:40]}/", timeout=WAIT_MS)
        assert _fits(watched) <= 1, f"{path}: wider than the phone by {_fits(watched)}px"
        watched.screenshot(f"rough-long-word-{path.count('/')}-{user.role}-375")


def test_no_reschedule_offered_inside_24_hours(open_page, stack, admin):
    _, patient, booking_id = _booked(stack, admin, "Late", minutes_from_now=120)
    watched = open_page(DESKTOP)
    sign_in(watched, patient.email, PASSWORD, next_path=f"/bookings/{booking_id}")
    watched.wait_for_path(f"/bookings/{booking_id}")
    watched.settle()
    page = watched.page
    assert page.locator("main button", has_text="Reschedule").count() == 0
    assert "can no longer be moved" in page.inner_text("[data-testid=no-reschedule]")
    assert page.locator("main button", has_text="Cancel session").is_visible()
    watched.screenshot("rough-no-reschedule-1280")


def test_a_double_click_on_confirm_sends_one_request(open_page, stack, admin):
    therapist, _, booking_id = _booked(stack, admin, "Double", confirm=False)
    watched = open_page(DESKTOP)
    sign_in(watched, therapist.email, PASSWORD)
    watched.wait_for_path("/dashboard")
    row = watched.page.locator(f"li.booking[data-booking-id='{booking_id}']").first
    row.wait_for(timeout=WAIT_MS)
    row.locator("button", has_text="Confirm").dblclick()
    watched.page.wait_for_selector("#flash >> text=Booking confirmed.", timeout=WAIT_MS)
    watched.settle()
    confirms = [r for r in watched.api_responses if r[2].endswith(f"/bookings/{booking_id}/confirm")]
    assert [status for status, _, _ in confirms] == [200], confirms
    watched.open(f"/bookings/{booking_id}")
    assert watched.page.locator("main .badge", has_text="confirmed").is_visible()
    assert not watched.problems(), watched.problems()
