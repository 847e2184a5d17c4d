"""Small steps the messaging tests share: a booking between two people, a thread's pages."""
from __future__ import annotations

from tests.support.accounts import TestUser
from tests.support.scheduling import book, slot_after


def booked(patient: TestUser, therapist: TestUser, hours: float = 30) -> dict:
    """A pending booking of `patient` with `therapist`: enough to write to each other."""
    response = book(patient, therapist.user_id, slot_after(patient, therapist.user_id, hours))
    assert response.status_code == 201, response.text
    return response.json()


def write(sender: TestUser, to: TestUser, text: str):
    return sender.post(f"/messages/threads/{to.user_id}", json={"text": text})


def thread(reader: TestUser, other: TestUser, **params) -> dict:
    response = reader.get(f"/messages/threads/{other.user_id}", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def inbox(user: TestUser) -> list[dict]:
    response = user.get("/messages/threads")
    assert response.status_code == 200, response.text
    return response.json()["threads"]
