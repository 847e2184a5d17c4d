"""The front end is served with a strict CSP and the other security headers (issue 17, point 4)."""
from __future__ import annotations

import pytest
import requests

pytestmark = pytest.mark.stack


def _directives(csp: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in csp.split(";") if part.strip()}


@pytest.mark.parametrize("path", ["/", "/index.html", "/js/app.js", "/css/app.css", "/config.json",
                                  "/no-such-file"])
def test_every_front_end_answer_carries_the_security_headers(stack, path):
    response = requests.get(f"{stack.frontend_url}{path}", timeout=10)
    headers = response.headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    csp = _directives(headers["Content-Security-Policy"])
    # Scripts: our own, and Stripe.js only (card fields never touch our origin, issue 26).
    assert csp["script-src"] == ["'self'", stack.stripe_url] and csp["style-src"] == ["'self'"]
    assert csp["frame-src"] == [stack.stripe_url]
    assert csp["frame-ancestors"] == ["'none'"] and csp["object-src"] == ["'none'"]
    assert stack.api_url in csp["connect-src"]
    assert stack.env["EMOTECARE_AWS_ENDPOINT"].rstrip("/") in csp["connect-src"]  # uploads
    assert {"stun:", "turn:"} <= set(csp["connect-src"])


def test_the_page_has_no_inline_script_or_style(stack):
    html = requests.get(f"{stack.frontend_url}/", timeout=10).text
    assert "<style" not in html and " style=" not in html
    assert all("src=" in tag for tag in html.split("<script")[1:])
