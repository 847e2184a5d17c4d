"""Change the password in Account: Cognito's ChangePassword, proving the current password."""
from __future__ import annotations

import pytest
import requests

from tests.support.accounts import PASSWORD, make_user

pytestmark = pytest.mark.stack
NEW = "Fresh-Passw0rd-22"


def _sign_in(stack, email: str, password: str) -> int:
    return requests.post(f"{stack.api_url}/auth/signin", json={"email": email, "password": password},
                         timeout=30).status_code


@pytest.mark.parametrize("role", ["patient", "therapist"])
def test_a_user_changes_their_password_with_the_current_one(stack, role):
    user = make_user(stack, role)
    changed = user.put("/me/password", json={"current_password": PASSWORD, "new_password": NEW})
    assert changed.status_code == 200, changed.text
    assert _sign_in(stack, user.email, NEW) == 200
    assert _sign_in(stack, user.email, PASSWORD) == 401
    assert user.get("/me").status_code == 200, "this browser stays signed in"


@pytest.mark.parametrize("body, field", [
    ({"current_password": "Wrong-Passw0rd-1", "new_password": NEW}, "current_password"),
    ({"current_password": PASSWORD, "new_password": "short"}, "new_password"),
    ({"current_password": PASSWORD, "new_password": "alllowercase-and-long"}, "new_password"),
    ({"current_password": PASSWORD, "new_password": PASSWORD}, "new_password"),
    ({"new_password": NEW}, "current_password"), ({"current_password": PASSWORD}, "new_password")])
def test_a_wrong_current_password_or_a_weak_new_one_changes_nothing(stack, body, field):
    user = make_user(stack, "patient")
    response = user.put("/me/password", json=body)
    assert response.status_code == 400, response.text
    assert response.json()["field"] == field
    assert _sign_in(stack, user.email, PASSWORD) == 200
