"""Who may write to whom: a patient and their therapist, in both directions, nobody else.

A patient's therapist is the one they chose (`PUT /me/therapist`) or the therapist of any of
their bookings that was not declined. Admins and other patients or therapists have no
thread; for them the other user does not exist (404), as the API promises.
"""
from __future__ import annotations

from dataclasses import dataclass

from pynamodb.exceptions import DoesNotExist

from emotecare.accounts.tokens import Principal
from emotecare.db.models import Booking, Therapist, User
from emotecare.errors import NotFoundError

_NOT_A_RELATIONSHIP = frozenset({"declined"})
_COUNTERPART = {"patient": "therapist", "therapist": "patient"}


@dataclass(frozen=True)
class Thread:
    """One patient with one therapist, seen from the caller's side."""

    me: str
    other: User
    patient_id: str
    therapist_id: str

    @property
    def thread_id(self) -> str:
        return thread_id(self.patient_id, self.therapist_id)

    @property
    def caller_is_patient(self) -> bool:
        return self.me == self.patient_id


def thread_id(patient_id: str, therapist_id: str) -> str:
    return f"{patient_id}#{therapist_id}"


def find_thread(caller: Principal, other_id: str) -> Thread:
    """The caller's thread with `other_id` (a user of the opposite role), or NotFoundError.

    Whether they may *write* to each other is `may_write`; reading an existing thread is
    allowed even after the relationship ended (the messages are still theirs).
    """
    wanted = _COUNTERPART.get(caller.role)
    other = _load(other_id)
    if wanted is None or other is None or other.role != wanted or other.user_id == caller.user_id:
        raise NotFoundError("no such person to write to")
    if caller.role == "patient":
        return Thread(caller.user_id, other, caller.user_id, other.user_id)
    return Thread(caller.user_id, other, other.user_id, caller.user_id)


def may_write(thread: Thread) -> bool:
    """Whether the patient chose this therapist or has a booking with them not declined."""
    patient = thread.other if not thread.caller_is_patient else _load(thread.patient_id)
    if patient is None:
        return False
    if (patient.profile or {}).get("therapist_id") == thread.therapist_id:
        return True
    bookings = Booking.by_patient.query(thread.patient_id,
                                        filter_condition=Booking.therapist_id == thread.therapist_id)
    return any(b.status not in _NOT_A_RELATIONSHIP for b in bookings)


def display_name(user: User) -> str:
    """A therapist's public profile name, else the account's name."""
    if user.role == "therapist":
        try:
            name = (Therapist.get(user.user_id).profile or {}).get("name")
        except DoesNotExist:
            name = None
        if name:
            return name
    return user.name or ""


def _load(user_id: str) -> User | None:
    if not isinstance(user_id, str) or not 0 < len(user_id) <= 64:
        return None
    try:
        return User.get(user_id)
    except DoesNotExist:
        return None
