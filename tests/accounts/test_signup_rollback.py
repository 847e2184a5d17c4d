"""A sign-up that fails after Cognito created the user leaves no Cognito user behind
(issue 24, point 6): otherwise that e-mail could never sign up, confirm or sign in again."""
from __future__ import annotations

import pytest

from emotecare.accounts import registration


class _Identity:
    def __init__(self):
        self.users: set[str] = set()

    def sign_up(self, email, password, name):
        self.users.add(email)
        return "new-user-id"

    def delete_user(self, email):
        self.users.discard(email)


class _RowThatCannotBeStored:
    def __init__(self, user_id, **attributes):
        self.user_id = user_id

    def save(self):
        raise RuntimeError("DynamoDB refused the row")

    def delete(self):
        pass


def test_a_sign_up_whose_account_row_fails_deletes_its_cognito_user(monkeypatch):
    monkeypatch.setattr(registration, "User", _RowThatCannotBeStored)
    monkeypatch.setattr(registration.throttle, "spend", lambda *args: None)
    identity = _Identity()
    services = registration.AccountServices(identity=identity, mailer=None, stage="test",
                                            frontend_url="http://localhost")
    with pytest.raises(RuntimeError):
        registration.sign_up(services, {"email": "sam@example.org", "password": "Long-Enough-Pass-1",
                                        "name": "Sam"})
    assert identity.users == set()
