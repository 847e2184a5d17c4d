"""Small steps the messaging tests share: a booking between two people, a thread's pages."""
from __future__ import annotations

from tests.support.accounts import TestUser
from tests.support.scheduling import approved_therapist, confirmed_booking


def booked(patient: TestUser, therapist: TestUser, hours: float = 30) -> dict:
    """A booking of `patient` the therapist confirmed: their care is active, so they may
    write to each other."""
    return confirmed_booking(patient, therapist, hours)


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


def written_to_two_therapists(stack, admin: TestUser, patient: TestUser, therapist: TestUser,
                              first: str, second: str) -> TestUser:
    """`patient` books `therapist` and a second approved therapist, then writes `first` to
    `therapist` and `second` to the other; returns the second therapist."""
    other = approved_therapist(stack, admin)
    booked(patient, therapist)
    booked(patient, other, hours=40)
    write(patient, therapist, first)
    write(patient, other, second)
    return other
