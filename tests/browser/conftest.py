"""Headless Debian Chromium driven by Playwright against the real local stack.

Never `playwright install`: the browser is Debian's `chromium` (dev.py installs it). Cameras
are Chromium's fake devices fed from a .y4m clip of a real face photo.
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.browser.y4m import astronaut_clip

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
# WCAG 2.2 A and AA rules (contrast, labels, names…) as axe-core tags them, and its best
# practices (heading order, landmarks), which a scanner can check for us too. Target size
# (2.5.8, 24 px) is off in axe by default; accessibility_violations() switches it on.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# Every impact from moderate up fails a test, unless the rule is explained here: rule id ->
# why it does not apply to EmoteCare. A silent filter would hide regressions; this list is read.
AXE_EXPLAINED: dict[str, str] = {}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                 "--autoplay-policy=no-user-gesture-required"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}


@pytest.fixture(scope="session")
def fake_camera(tmp_path_factory) -> Path:
    return astronaut_clip(tmp_path_factory.mktemp("camera") / "astronaut.y4m")


@pytest.fixture(scope="session")
def playwright_driver():
    """One Playwright driver for the whole run: the sync API allows only one at a time."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


def launch_chromium(playwright, camera_clip: Path):
    """Debian's Chromium whose fake camera plays `camera_clip` (a .y4m file)."""
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is not installed: run `python3 dev.py test` or "
                    "`apt-get install -y chromium chromium-driver`")
    return playwright.chromium.launch(
        executable_path=executable,
        args=[*CHROMIUM_ARGS, f"--use-file-for-fake-video-capture={camera_clip}"])


@pytest.fixture(scope="session")
def browser(playwright_driver, fake_camera):
    launched = launch_chromium(playwright_driver, fake_camera)
    yield launched
    launched.close()


@dataclass
class Watched:
    """A page plus what went wrong on it: console errors, uncaught errors, failed API calls."""

    page: object
    base_url: str
    api_url: str
    console_errors: list[str] = field(default_factory=list)
    missing_routes: set[str] = field(default_factory=set)
    api_responses: list[tuple[int, str, str]] = field(default_factory=list)  # (status, method, url)

    def open(self, path: str, ready: str = "main h1") -> None:
        url = f"{self.base_url}/#{path}"
        if self.page.url == url:
            self.page.reload()  # same hash: no hashchange, so load the page afresh
        else:
            self.page.goto(url)
        self.wait_drawn()
        self.page.wait_for_selector(ready, timeout=15_000)
        self.settle()

    def wait_drawn(self) -> None:
        """Wait until the app has drawn the page the URL names (main[aria-busy=false])."""
        self.page.wait_for_function(
            "() => { const m = document.querySelector('main');"
            " return m && m.getAttribute('aria-busy') === 'false'"
            " && m.dataset.path === (location.hash.slice(1) || '/'); }", timeout=15_000)

    def wait_for_path(self, path: str) -> None:
        """Wait until the app has navigated to `path` (query ignored) and drawn it."""
        self.page.wait_for_function(
            "(p) => location.hash.slice(1).split('?')[0] === p", arg=path, timeout=15_000)
        self.wait_drawn()

    def settle(self) -> None:
        """Wait until the page's loading placeholders are gone (data shown, or an error)."""
        self.page.wait_for_function(
            "() => !document.querySelector('main .state-loading')", timeout=15_000)

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def accessibility_violations(self) -> list[str]:
        """axe-core's violations on the page as it is now: moderate, serious and critical, less
        the rules AXE_EXPLAINED gives a reason for."""
        if not self.page.evaluate("() => Boolean(window.axe)"):
            # Through DevTools, not a <script> tag: the page's CSP refuses inline scripts.
            self.page.evaluate(AXE.read_text())
        found = self.page.evaluate(
            "async ([tags, explained]) => (await axe.run(document, {runOnly: {type: 'tag', values: tags},"
            " rules: {'target-size': {enabled: true}}}))"
            ".violations.filter(v => ['moderate', 'serious', 'critical'].includes(v.impact)"
            " && !explained.includes(v.id))"
            ".map(v => `${v.id} (${v.impact}): ${v.help}"
            " (${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')})`)",
            [AXE_TAGS, list(AXE_EXPLAINED)])
        return list(found)

    def problems(self) -> list[str]:
        return list(self.console_errors)


@pytest.fixture
def open_page(browser, stack):
    """Open a new browser context (own storage) at a viewport; closed after the test."""
    contexts = []

    def _open(viewport=DESKTOP, **context_options) -> Watched:
        """`context_options`: Playwright's, e.g. locale="de-DE" for how numbers are written."""
        context = browser.new_context(viewport=viewport, **context_options)
        contexts.append(context)
        page = context.new_page()
        watched = Watched(page, stack.frontend_url, stack.api_url)

        def on_console(message):
            # A failed fetch is also logged as "Failed to load resource"; API answers are
            # judged by on_response below, so only our own code's errors count here.
            if message.type == "error" and "Failed to load resource" not in message.text:
                watched.console_errors.append(message.text)

        def on_response(response):
            if not response.url.startswith(stack.api_url):
                return
            watched.api_responses.append((response.status, response.request.method, response.url))
            if response.status >= 500:
                watched.console_errors.append(f"{response.status} from {response.url}")
            elif response.status == 404 and _is_unknown_route(response):
                watched.missing_routes.add(re.sub(r"\?.*", "", response.url[len(stack.api_url):]))

        page.on("console", on_console)
        page.on("pageerror", lambda error: watched.console_errors.append(f"uncaught: {error}"))
        page.on("response", on_response)
        return watched

    yield _open
    for context in contexts:
        context.close()


def _is_unknown_route(response) -> bool:
    try:
        return "no such route" in (response.json() or {}).get("error", "")
    except Exception:  # noqa: BLE001 (a body that is not JSON is simply not our 404)
        return False


def send_chat_message(page, text: str) -> str:
    """Type a chat message as a person would; return the assistant's answer once it shows."""
    answers = page.locator(".chat-log .msg.bot")
    before = answers.count()
    page.fill("#chat-text", text)
    page.click("form button[type=submit]")
    page.wait_for_function("(n) => document.querySelectorAll('.chat-log .msg.bot').length > n", arg=before,
                           timeout=20_000)
    return answers.nth(before).inner_text()


def sign_in(watched: Watched, email: str, password: str, next_path: str = "/dashboard") -> None:
    page = watched.page
    watched.open(f"/signin?next={next_path}", ready="form input[name=email]")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    page.click("form button[type=submit]")
    page.wait_for_function("() => !location.hash.startsWith('#/signin')", timeout=15_000)


def add_journal_entry_expecting_crisis_box(watched: Watched, mood: str, text: str, shot: str,
                                           submit: str = "form button[type=submit]"):
    """On the open journal page: type the mood and text, screenshot `shot`, submit with the
    `submit` button, and wait for the crisis box the entry should bring up; returns its locator."""
    page = watched.page
    page.fill("input[name=mood]", mood)
    page.fill("textarea[name=text]", text)
    watched.screenshot(shot)
    page.click(submit)
    box = page.locator("[data-testid=crisis-box]")
    box.wait_for(timeout=20_000)
    return box
