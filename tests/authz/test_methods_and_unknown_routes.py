"""Unknown paths are JSON 404s; known paths with a wrong method are JSON 405s with Allow."""
from __future__ import annotations

import pytest
import requests

pytestmark = pytest.mark.stack


@pytest.mark.parametrize("method, path, allowed", [
    ("DELETE", "/health", "GET"),
    ("GET", "/auth/signin", "POST"),
    ("PUT", "/bookings", "GET, POST"),
    ("POST", "/me", "DELETE, GET, PATCH"),
    ("DELETE", "/bookings/some-id/confirm", "POST"),
    ("PATCH", "/therapists/some-id", "GET"),
])
def test_wrong_method_is_a_json_405_naming_the_allowed_ones(stack, method, path, allowed):
    response = requests.request(method, f"{stack.api_url}{path}", timeout=10)
    assert response.status_code == 405
    assert response.headers["Allow"] == allowed
    assert allowed in response.json()["error"]


@pytest.mark.parametrize("path", ["/nope", "/bookings/x/y/z", "/therapists/a/b/c/d"])
def test_unknown_route_is_a_json_404(stack, path):
    response = requests.post(f"{stack.api_url}{path}", json={}, timeout=10)
    assert response.status_code == 404
    assert "no such route" in response.json()["error"]
