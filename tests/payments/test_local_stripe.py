"""localstripe runs with the stack: on loopback only, from scratch, reported by /health."""
from __future__ import annotations

import socket
from urllib.parse import urlparse

import pytest
import requests

pytestmark = [pytest.mark.stack]


def test_health_reports_the_stripe_stand_in(stack):
    components = stack.health().json()["components"]
    assert components["stripe"] == {"ok": True}


def test_it_listens_on_loopback_only(stack):
    port = urlparse(stack.stripe_url).port
    assert urlparse(stack.stripe_url).hostname == "127.0.0.1"
    outside = socket.gethostbyname(socket.gethostname())
    if outside.startswith("127."):
        pytest.skip("this machine has no non-loopback address to try")
    with socket.socket() as sock:
        sock.settimeout(2)
        assert sock.connect_ex((outside, port)) != 0


def test_the_front_end_loads_stripe_js_from_it(stack):
    config = requests.get(f"{stack.frontend_url}/config.json", timeout=10).json()
    assert config["stripeJsUrl"] == f"{stack.stripe_url}/js.stripe.com/v3/"
    assert requests.get(config["stripeJsUrl"], timeout=10).status_code == 200
    csp = requests.get(stack.frontend_url, timeout=10).headers["Content-Security-Policy"]
    assert f"script-src 'self' {stack.stripe_url}" in csp
