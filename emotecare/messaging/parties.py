"""Who may write to whom: a patient and their therapist, in both directions, nobody else.

A patient and a therapist write to each other while their care relationship is active
(`emotecare.care.access.may_message`: the therapist accepted the patient's request or
confirmed a booking); after it ends the thread stays readable, read-only. Admins and other
patients or therapists have no thread; for them the other user does not exist (404), as the
API promises.
"""
from __future__ import annotations

from dataclasses import dataclass

from pynamodb.exceptions import DoesNotExist

from emotecare.accounts.tokens import Principal
from emotecare.care.access import may_message
from emotecare.db.models import Therapist, User
from emotecare.errors import NotFoundError

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
    """Whether the pair's care is active (only then does either side write)."""
    return may_message(thread.patient_id, thread.therapist_id)


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
