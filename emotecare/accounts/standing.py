"""Is the caller's account still there and enabled? Asked on every authenticated request.

A Cognito ID token stays valid for up to an hour after its account is deleted or disabled,
so the API does not take the token's word for it: the account's row must exist and its
Cognito user must be enabled. A good answer is remembered for `REMEMBER_S` seconds per
process, so a burst of requests costs one look-up; deleting an account in this process
forgets it at once (`forget`), and other processes stop honouring it within `REMEMBER_S`.

Writes are held to a stricter rule (`writing`): each one is counted in the account's
`AccountStanding` row before it runs, under the condition that no erasure has started, and
uncounted after. The count and the mark are one DynamoDB item, so from the moment an erasure
marks it no process can start a write for that account, and the erasure can wait for the
writes already running to finish before it deletes (`accounts/erasure.py`).
"""
from __future__ import annotations

import contextlib
import threading
import time
from typing import Callable, Iterator

from pynamodb.exceptions import DoesNotExist, UpdateError

from emotecare.accounts.identity import IdentityProvider
from emotecare.accounts.tokens import Principal
from emotecare.db.models import User
from emotecare.db.standing import AccountStanding
from emotecare.errors import AuthenticationError

# A disabled or erased account's token is refused within 5 s everywhere: 4 s of memory, and
# the look-up that follows it (a loaded machine measured 5.02 s with 5 s of memory).
REMEMBER_S = 4.0
_MAX_REMEMBERED = 10_000  # accounts; the memory is simply emptied when full

_good_until: dict[str, float] = {}
_lock = threading.Lock()


def forget(user_id: str) -> None:
    """Stop vouching for `user_id` now (its account was just deleted or disabled)."""
    with _lock:
        _good_until.pop(user_id, None)


def check_account(principal: Principal, identity: Callable[[], IdentityProvider]) -> None:
    """Return when the caller's account exists and is enabled, else `AuthenticationError`.

    `identity` makes the Cognito provider; it is called only when the answer is not
    remembered, so the requests of a burst do not build one each."""
    now = time.monotonic()
    with _lock:
        if _good_until.get(principal.user_id, 0.0) > now:
            return
    try:
        user = User.get(principal.user_id)
    except DoesNotExist as exc:
        raise AuthenticationError("this account no longer exists") from exc
    enabled = identity().enabled(user.email)
    if enabled is None:
        raise AuthenticationError("this account no longer exists")
    if not enabled:
        raise AuthenticationError("this account is disabled: contact support")
    with _lock:
        if len(_good_until) >= _MAX_REMEMBERED:
            _good_until.clear()
        _good_until[principal.user_id] = now + REMEMBER_S


@contextlib.contextmanager
def writing(principal: Principal) -> Iterator[None]:
    """Run one write of `principal`'s, counted as in flight; 401 once their erasure started."""
    try:
        AccountStanding(principal.user_id).update(
            actions=[AccountStanding.writes_in_flight.add(1)],
            condition=AccountStanding.erasure_started_at.does_not_exist())
    except UpdateError as exc:
        if getattr(exc, "cause_response_code", "") == "ConditionalCheckFailedException":
            forget(principal.user_id)
            raise AuthenticationError("this account is being deleted") from exc
        raise
    try:
        yield
    finally:
        AccountStanding(principal.user_id).update(
            actions=[AccountStanding.writes_in_flight.add(-1)])
