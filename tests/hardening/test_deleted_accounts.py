"""A deleted or disabled account's still-valid ID token opens nothing (issue 17, point 1)."""
from __future__ import annotations

import pytest

from tests.support.accounts import make_user

pytestmark = pytest.mark.stack

# Routes a deleted patient's token reached in the probe, one of each area.
_AFTER_DELETION = [
    ("POST", "/self-reflect"),
    ("GET", "/journal"),
    ("GET", "/reports"),
    ("GET", "/questionnaires/due"),
    ("GET", "/chat/conversations"),
    ("GET", "/me"),
]


def test_a_deleted_accounts_token_is_refused_everywhere(stack):
    patient = make_user(stack, "patient")
    assert patient.get("/journal").status_code == 200  # the check's cache now holds the account
    assert patient.delete("/me").status_code == 204
    for method, path in _AFTER_DELETION:
        response = patient.request(method, path, json={} if method == "POST" else None)
        assert response.status_code == 401, (method, path, response.status_code, response.text)
        assert "account" in response.json()["error"]


def test_a_disabled_accounts_token_is_refused(stack):
    patient = make_user(stack, "patient")
    stack.client("cognito-idp").admin_disable_user(
        UserPoolId=stack.env["EMOTECARE_USER_POOL_ID"], Username=patient.email)
    response = patient.get("/journal")
    assert response.status_code == 401, response.text
    assert "disabled" in response.json()["error"]


def test_a_live_account_is_let_through_again_and_again(stack):
    patient = make_user(stack, "patient")
    assert [patient.get("/me").status_code for _ in range(3)] == [200, 200, 200]
