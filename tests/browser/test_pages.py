"""Every page renders at desktop and phone widths with no console errors, no axe-core
violation (WCAG 2.2 A/AA and best practice, moderate and up, less the explained exceptions in
conftest.AXE_EXPLAINED), and no sideways scrolling; a screenshot of each."""
from __future__ import annotations

import pytest
import requests

from emotecare_dev.local.seed import DEMO_USERS
from tests.browser.conftest import DESKTOP, PHONE, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.stack]

VIEWPORTS = pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
PUBLIC_PAGES = ["/", "/privacy", "/crisis", "/signup", "/signin", "/forgot", "/reset", "/confirm",
                "/therapists", "/resources"]
SIGNED_IN_PAGES = {
    "patient": ["/dashboard", "/find", "/bookings", "/self-reflect", "/journal", "/chat",
                "/resources", "/reports", "/account", "/messages", "/payments", "/access-log"],
    "therapist": ["/dashboard", "/alerts", "/bookings", "/availability", "/profile", "/patients", "/account",
                  "/messages", "/payments"],
    "admin": ["/dashboard", "/admin/therapists", "/admin/resources", "/account"],
}


def _demo(role: str):
    return next(u for u in DEMO_USERS if u.role == role)


def _check_page(watched, path: str, name: str) -> list[str]:
    """Open `path`, wait for its data, screenshot it; return what went wrong on it."""
    watched.open(path)
    page = watched.page
    assert page.locator("main h1, main .hero h1").first.inner_text().strip(), f"{path}: no heading"
    assert page.locator("a.crisis-link").is_visible(), f"{path}: the crisis link is not visible"
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    watched.screenshot(name)
    problems = [f"{path}: {p}" for p in watched.problems()]
    # At both widths: the phone layout (menu button, stacked cards) is a page of its own.
    problems += [f"{path}: accessibility: {v}" for v in watched.accessibility_violations()]
    if overflow > 1:
        problems.append(f"{path}: wider than the screen by {overflow}px")
    watched.console_errors.clear()
    return problems


def _verdict(problems: list[str], watched) -> None:
    missing = [f"the page called a route the API does not have: {route}"
               for route in sorted(watched.missing_routes)]
    assert not problems + missing, "\n".join(problems + missing)


@VIEWPORTS
def test_public_pages_render_without_console_errors(open_page, viewport):
    watched = open_page(viewport)
    problems = []
    for path in PUBLIC_PAGES:
        slug = path.strip("/").replace("/", "-") or "landing"
        problems += _check_page(watched, path, f"public-{slug}-{viewport['width']}")
    _verdict(problems, watched)


@pytest.mark.slow
@VIEWPORTS
@pytest.mark.parametrize("role", ["patient", "therapist", "admin"])
def test_signed_in_pages_render_without_console_errors(open_page, stack, role, viewport):
    demo = _demo(role)
    watched = open_page(viewport)
    sign_in(watched, demo.email, demo.password)
    problems = []
    for path in SIGNED_IN_PAGES[role]:
        slug = path.strip("/").replace("/", "-")
        problems += _check_page(watched, path, f"{role}-{slug}-{viewport['width']}")
    _verdict(problems, watched)


def test_a_signed_out_visitor_is_sent_to_sign_in_and_then_back(open_page, stack):
    demo = _demo("patient")
    watched = open_page(DESKTOP)
    watched.open("/journal", ready="form input[name=email]")
    assert "#/signin?next=" in watched.page.url
    watched.page.fill("input[name=email]", demo.email)
    watched.page.fill("input[name=password]", demo.password)
    watched.page.click("form button[type=submit]")
    watched.wait_for_path("/journal")
    assert watched.page.locator("main h1").inner_text() == "Journal"


def test_an_expired_session_sends_the_user_to_sign_in_and_back(open_page, stack):
    demo = _demo("patient")
    watched = open_page(DESKTOP)
    sign_in(watched, demo.email, demo.password, next_path="/bookings")
    watched.wait_drawn()
    # The refresh token stops working (expired or revoked); the ID token lived only in memory.
    watched.page.evaluate("() => sessionStorage.setItem('emotecare.refresh', 'expired-token')")
    watched.page.reload()
    watched.wait_for_path("/signin")
    assert "next=%2Fbookings" in watched.page.url
    assert "session has ended" in watched.page.locator("#flash").inner_text()
    watched.page.fill("input[name=password]", demo.password)
    watched.page.fill("input[name=email]", demo.email)
    watched.page.click("form button[type=submit]")
    watched.wait_for_path("/bookings")
    assert not watched.problems(), watched.problems()


def test_an_api_error_shows_its_message_not_a_blank_page(open_page, stack):
    watched = open_page(DESKTOP)
    watched.page.goto(f"{stack.frontend_url}/#/therapists/no-such-therapist")
    alert = watched.page.wait_for_selector("main .state-error", timeout=15_000)
    message = alert.inner_text()
    api_message = watched.page.evaluate(
        "async (url) => (await (await fetch(url)).json()).error",
        f"{stack.api_url}/therapists/no-such-therapist")
    assert api_message and api_message in message
    assert watched.page.locator("main .state-error button", has_text="Try again").is_visible()


def test_a_therapist_edits_weekly_availability_and_days_off(open_page, stack):
    rivera = next(u for u in DEMO_USERS if u.email == "dr.rivera@emotecare.example")
    watched = open_page(DESKTOP)
    sign_in(watched, rivera.email, rivera.password, next_path="/availability")
    watched.wait_drawn()
    watched.settle()
    page = watched.page
    page.click("button:has-text('Add a time window')")
    row = page.locator(".window").last
    row.locator("select[name=weekday]").select_option("6")
    row.locator("input[name=start]").fill("10:00")
    row.locator("input[name=end]").fill("12:00")
    page.click("button:has-text('Add days off')")
    off = page.locator(".exception").last
    off.locator("input[name=start]").fill("2030-12-24")
    off.locator("input[name=end]").fill("2030-12-26")
    off.locator("input[name=reason]").fill("Holiday")
    page.click("button:has-text('Save availability')")
    page.wait_for_selector("#flash >> text=Availability saved", timeout=10_000)
    watched.open("/availability")  # drawn again from what the API now holds
    assert page.locator(".window select[name=weekday]").evaluate_all(
        "(selects) => selects.some((s) => s.value === '6')")
    assert page.locator(".exception input[name=reason]").input_value() == "Holiday"
    assert not watched.problems(), watched.problems()


def test_a_new_therapist_fills_in_a_profile_and_an_admin_approves_it(open_page, stack):
    import uuid

    from tests.browser.test_session_flow import _confirmation_code

    email = f"ther-{uuid.uuid4().hex[:8]}@test.emotecare.example"
    name = f"Dr. Test {uuid.uuid4().hex[:4]}"
    password = "Calm-Start-2026x"
    signed_up = requests.post(f"{stack.api_url}/auth/signup", timeout=10, json={
        "email": email, "password": password, "name": name, "role": "therapist",
        "time_zone": "Europe/London", "country": "GB"})
    assert signed_up.status_code == 201, signed_up.text
    confirmed = requests.post(f"{stack.api_url}/auth/confirm", timeout=10, json={
        "email": email, "code": _confirmation_code(stack, email)})
    assert confirmed.status_code == 200, confirmed.text

    therapist = open_page(DESKTOP)
    sign_in(therapist, email, password, next_path="/profile")
    therapist.wait_drawn()
    therapist.settle()
    page = therapist.page
    page.fill("input[name=credentials]", "MSc Counselling")
    page.fill("input[name=licence_number]", "TEST-12345")
    page.fill("input[name=jurisdiction]", "UK")
    page.fill("textarea[name=bio]", "Person-centred counselling for anxiety.")
    page.fill("input[name=price_per_session]", "50")
    page.check("input[name=specialties][value=anxiety]")
    page.check("input[name=therapy_types][value=individual]")
    page.check("input[name=languages][value=en]")
    page.click("button:has-text('Save profile')")
    page.wait_for_selector("#flash >> text=Profile saved", timeout=10_000)

    admin = open_page(DESKTOP)
    admin.page.on("dialog", lambda dialog: dialog.accept())
    demo_admin = _demo("admin")
    sign_in(admin, demo_admin.email, demo_admin.password, next_path="/admin/therapists")
    admin.wait_drawn()
    admin.settle()
    entry = admin.page.locator("main li", has_text=name)
    entry.locator("button", has_text="Approve").click()
    admin.page.wait_for_selector("#flash >> text=Therapist approved", timeout=10_000)
    public = requests.get(f"{stack.api_url}/therapists", timeout=10).json()["therapists"]
    assert any(t["name"] == name for t in public)
    assert not therapist.problems() and not admin.problems(), therapist.problems() + admin.problems()


def test_keyboard_users_can_skip_to_content_and_open_the_phone_menu(open_page):
    watched = open_page(PHONE)
    watched.open("/")
    page = watched.page
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    menu = page.locator("button.nav-toggle")
    assert not page.locator("#site-nav").is_visible()
    menu.focus()
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    assert page.locator("#site-nav a", has_text="Sign in").is_visible()
    page.locator("#site-nav a", has_text="Sign in").focus()
    page.keyboard.press("Enter")
    watched.wait_for_path("/signin")
    assert page.evaluate("() => document.activeElement.id") == "main"
    assert not watched.problems(), watched.problems()


def test_a_patient_writes_in_the_journal_and_chats(open_page, stack):
    from tests.support.accounts import PASSWORD as TEST_PASSWORD, make_user

    patient = make_user(stack, "patient", name="Jo Journal")
    watched = open_page(PHONE)
    sign_in(watched, patient.email, TEST_PASSWORD, next_path="/journal")
    watched.wait_drawn()
    watched.settle()
    page = watched.page
    page.fill("input[name=mood]", "7")
    page.check("input[name=tags][value=calm]")
    page.fill("textarea[name=text]", "A quiet walk by the river helped.")
    page.click("button:has-text('Add entry')")
    page.wait_for_selector("main li >> text=A quiet walk by the river helped.", timeout=10_000)
    assert page.locator("main li", has_text="Mood 7/10").count() == 1
    page.wait_for_selector("main canvas", timeout=10_000)  # the weekly trend has a point now

    watched.open("/chat", ready="#chat-text")
    page.fill("#chat-text", "I have been feeling a bit stressed about work this week.")
    page.click("button:has-text('Send')")
    page.wait_for_function("() => document.querySelectorAll('.chat-log .msg.bot').length >= 2",
                           timeout=15_000)
    assert page.locator(".chat-log .msg.me").count() == 1
    watched.screenshot("patient-chat-reply-375")
    assert not watched.problems(), watched.problems()
