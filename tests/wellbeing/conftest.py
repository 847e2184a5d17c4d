"""Helpers of the between-session tests; their people are `tests/support/care_people.py`'s
(fresh for every test, so every test starts from a clean dashboard)."""
from __future__ import annotations


from tests.support.accounts import TestUser
from tests.support.care_people import other_therapist, outsider, patient, therapist  # noqa: F401


def set_country(user: TestUser, country: str) -> None:
    response = user.request("PATCH", "/me", json={"country": country})
    assert response.status_code == 200, response.text
