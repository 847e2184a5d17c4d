"""The browser enforces the front end's CSP: injected inline code does not run (issue 17, point 4).

The other browser tests then prove that no page of ours breaks under it (they fail on any
console error, and Chromium logs every CSP refusal as one).
"""
from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.stack]


def test_injected_inline_script_and_style_are_refused(open_page):
    watched = open_page()
    watched.open("/")
    page = watched.page
    with pytest.raises(Exception):
        page.add_script_tag(content="window.__injected = true")
    assert page.evaluate("() => window.__injected === undefined")
    page.evaluate("() => document.body.setAttribute('style', 'background: rgb(255, 0, 0)')")
    assert page.evaluate("() => getComputedStyle(document.body).backgroundColor") != "rgb(255, 0, 0)"
    assert any("Content Security Policy" in e for e in watched.console_errors)
    watched.screenshot("csp-landing-after-refused-injection")
    # The app's own scripts run: the landing page is drawn, with its navigation.
    assert page.locator("main h1").first.is_visible()
    assert page.locator("#site-nav a").count() > 0
