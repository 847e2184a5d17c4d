"""Every page renders at desktop and phone widths with no console errors; screenshots of each."""
from __future__ import annotations

import pytest

from emotecare.local.seed import DEMO_USERS
from tests.browser.conftest import DESKTOP, PHONE, require_routes, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.stack]

VIEWPORTS = pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
PUBLIC_PAGES = ["/", "/privacy", "/crisis", "/signup", "/signin", "/forgot", "/reset", "/confirm",
                "/therapists", "/resources"]
SIGNED_IN_PAGES = {
    "patient": ["/dashboard", "/find", "/bookings", "/self-reflect", "/journal", "/chat",
                "/resources", "/reports", "/account"],
    "therapist": ["/dashboard", "/bookings", "/availability", "/profile", "/patients", "/account"],
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
    if overflow > 1:
        problems.append(f"{path}: wider than the screen by {overflow}px")
    watched.console_errors.clear()
    return problems


def _verdict(problems: list[str], watched) -> None:
    assert not problems, "\n".join(problems)
    if watched.missing_routes:
        pytest.xfail("pages render, but these API routes are not merged yet: "
                     + ", ".join(sorted(watched.missing_routes)))


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
    require_routes(stack, ("POST", "/auth/signin"))
    demo = _demo(role)
    watched = open_page(viewport)
    sign_in(watched, demo.email, demo.password)
    problems = []
    for path in SIGNED_IN_PAGES[role]:
        slug = path.strip("/").replace("/", "-")
        problems += _check_page(watched, path, f"{role}-{slug}-{viewport['width']}")
    _verdict(problems, watched)


def test_a_signed_out_visitor_is_sent_to_sign_in_and_then_back(open_page, stack):
    require_routes(stack, ("POST", "/auth/signin"))
    demo = _demo("patient")
    watched = open_page(DESKTOP)
    watched.open("/journal", ready="form input[name=email]")
    assert "#/signin?next=" in watched.page.url
    watched.page.fill("input[name=email]", demo.email)
    watched.page.fill("input[name=password]", demo.password)
    watched.page.click("form button[type=submit]")
    watched.page.wait_for_function("() => location.hash === '#/journal'", timeout=15_000)
    assert watched.page.locator("main h1").inner_text() == "Journal"


def test_an_api_error_shows_its_message_not_a_blank_page(open_page, stack):
    require_routes(stack, ("GET", "/therapists/no-such-therapist"))
    watched = open_page(DESKTOP)
    watched.page.goto(f"{stack.frontend_url}/#/therapists/no-such-therapist")
    alert = watched.page.wait_for_selector("main .state-error", timeout=15_000)
    message = alert.inner_text()
    api_message = watched.page.evaluate(
        "async (url) => (await (await fetch(url)).json()).error",
        f"{stack.api_url}/therapists/no-such-therapist")
    assert api_message and api_message in message
    assert watched.page.locator("main .state-error button", has_text="Try again").is_visible()
