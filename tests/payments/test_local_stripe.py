"""localstripe runs with the stack: on loopback only, from scratch, reported by /health."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest
import requests

pytestmark = [pytest.mark.stack]


def test_health_reports_the_stripe_stand_in(stack):
    components = stack.health().json()["components"]
    assert components["stripe"] == {"ok": True}


def _listening_addresses(port: int) -> set[str]:
    """Local addresses of listening sockets on `port`, from the kernel's tables (Linux)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as rows:
            for row in list(rows)[1:]:
                local, state = row.split()[1], row.split()[3]
                address, _, hex_port = local.partition(":")
                if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                    found.add(address)
    return found


def test_it_listens_on_loopback_only(stack):
    url = urlparse(stack.stripe_url)
    assert url.hostname == "127.0.0.1"
    # 0100007F is 127.0.0.1 as the kernel writes it; "::" (every interface) would be all zeros.
    assert _listening_addresses(url.port) == {"0100007F"}


def test_the_front_end_loads_stripe_js_from_it(stack):
    config = requests.get(f"{stack.frontend_url}/config.json", timeout=10).json()
    assert config["stripeJsUrl"] == f"{stack.stripe_url}/js.stripe.com/v3/"
    assert requests.get(config["stripeJsUrl"], timeout=10).status_code == 200
    csp = requests.get(stack.frontend_url, timeout=10).headers["Content-Security-Policy"]
    assert f"script-src 'self' {stack.stripe_url}" in csp
