"""Per-account and per-address limits on sign-in, code mails and code guesses (HTTP 429).

Cognito locks out repeated wrong passwords on AWS, but not our own codes, and moto not at
all; these limits behave the same on both. Each counts hits in a window that opens with a
subject's first hit, in an atomic DynamoDB counter (`ThrottleCounter`, expired by TTL), so
there is no window edge to burst across. An attempt is counted *before* it is
tried, under a condition that keeps the count below the limit, so parallel attempts cannot
overshoot; an attempt that turns out harmless (a right password or code) is given back.

The limits are far above what a person does: the local demo and the test suite, which sign
in often from 127.0.0.1, stay well inside them.
"""
from __future__ import annotations

import contextlib
import hashlib
import math
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterator

from pynamodb.exceptions import UpdateError

from emotecare.clock import epoch_s
from emotecare.db.throttle import ThrottleCounter
from emotecare.errors import TooManyRequestsError


@dataclass(frozen=True)
class Limit:
    """At most `max_hits` per subject in each fixed window of `window_s` seconds."""

    key: str
    max_hits: int
    window_s: int


@dataclass(frozen=True)
class Rule:
    """What is limited (for messages), per account (e-mail) and per client address."""

    what: str
    per_account: Limit
    per_address: Limit


# Sign-in (OWASP's device-cookie pattern, `sign_in_attempt`): `per_account` is the allowance
# of every unknown client together; once it is used up a right password from an unknown
# client is asked for a mailed code instead of being refused. Each client is also limited on
# its own: an unknown one by address and browser (`SIGN_IN_CLIENT`), one that signed in
# before by its device token (`SIGN_IN_DEVICE`), so a stranger's guesses lock out nobody else.
SIGN_IN = Rule("wrong sign-in attempts",
               Limit("signin-account", 10, 15 * 60), Limit("signin-address", 100, 15 * 60))
SIGN_IN_CLIENT = Limit("signin-client", 10, 15 * 60)
SIGN_IN_DEVICE = Limit("signin-device", 10, 15 * 60)
CODE_MAILS = Rule("code requests",
                  Limit("mail-account", 8, 60 * 60), Limit("mail-address", 200, 60 * 60))
CODE_GUESSES = Rule("wrong codes",
                    Limit("guess-account", 10, 60 * 60), Limit("guess-address", 100, 60 * 60))
RULES = (SIGN_IN, CODE_MAILS, CODE_GUESSES)
# Per signed-in account: far above a person's pace (a message takes longer than two seconds
# to type), low enough that a script cannot flood a therapist's inbox or run up the model
# bill (every chat turn is a paid Bedrock call).
MESSAGES = Limit("messages-user", 30, 60)
CHAT_TURNS = Limit("chat-turns-user", 20, 60)


@dataclass(frozen=True)
class _Hit:
    counter_key: str
    window_ends: int


def _take(limit: Limit, subject: str, message: str) -> _Hit:
    """Count one hit of `subject` against `limit`, or raise `TooManyRequestsError`."""
    digest = hashlib.sha256(f"{limit.key}:{subject.strip().lower()}".encode()).hexdigest()
    counter = ThrottleCounter(f"{limit.key}#{digest}")
    for _ in range(3):  # each step is one atomic conditional write; a race means look again
        now = epoch_s()
        if _updated(counter, [ThrottleCounter.hits.add(1)],
                    (ThrottleCounter.window_ends > now) & (ThrottleCounter.hits < limit.max_hits)):
            return _Hit(counter.counter_key, int(counter.window_ends))
        ends = math.ceil(now) + limit.window_s
        if _updated(counter, [ThrottleCounter.hits.set(1), ThrottleCounter.window_ends.set(ends),
                              ThrottleCounter.expires_at.set(
                                  datetime.fromtimestamp(ends + 60, tz=timezone.utc))],
                    ThrottleCounter.window_ends.does_not_exist() | (ThrottleCounter.window_ends <= now)):
            return _Hit(counter.counter_key, ends)
        current = ThrottleCounter.get(counter.counter_key, consistent_read=True)
        if current.window_ends > now and current.hits >= limit.max_hits:
            # A window ends on a whole second after it opened, so up to a second more than
            # the window can remain: never tell anyone to wait longer than the window itself.
            wait_s = min(math.ceil(current.window_ends - now), limit.window_s)
            minutes = math.ceil(wait_s / 60)
            raise TooManyRequestsError(
                f"{message} Try again in {minutes} minute{'s' if minutes != 1 else ''}.",
                retry_after_s=wait_s)
    raise TooManyRequestsError(f"{message} Try again in a minute.", retry_after_s=60)


def _updated(counter: ThrottleCounter, actions: list, condition) -> bool:
    """Apply `actions` when `condition` holds; False when it does not."""
    try:
        counter.update(actions=actions, condition=condition)
    except UpdateError as exc:
        if getattr(exc, "cause_response_code", "") == "ConditionalCheckFailedException":
            return False
        raise
    return True


def _give_back(hit: _Hit) -> None:
    """Uncount a harmless attempt, unless its window has ended meanwhile (then it is moot)."""
    _updated(ThrottleCounter(hit.counter_key), [ThrottleCounter.hits.add(-1)],
             (ThrottleCounter.window_ends == hit.window_ends) & (ThrottleCounter.hits > 0))


def _take_both(rule: Rule, email: str, address: str) -> list[_Hit]:
    hits = [_take(rule.per_account, email, f"Too many {rule.what} for this account.")]
    try:
        if address:
            hits.append(_take(rule.per_address, address,
                              f"Too many {rule.what} from your network."))
    except TooManyRequestsError:
        _give_back(hits[0])  # refused outright: this attempt counts against nobody
        raise
    return hits


def spend_own(limit: Limit, user_id: str, what: str) -> None:
    """Count one `what` (messages, chat turns) of a signed-in account; 429 when used up."""
    _take(limit, user_id, f"You have sent {limit.max_hits} {what} in the last "
                          f"{limit.window_s // 60} minute{'s' if limit.window_s > 60 else ''}.")


def spend(rule: Rule, email: str, address: str) -> None:
    """Count one use (a mailed code) for `email` and `address`; 429 once either is used up."""
    _take_both(rule, email, address)


@contextlib.contextmanager
def attempt(rule: Rule, email: str, address: str,
            counted: tuple[type[BaseException], ...]) -> Iterator[None]:
    """Guard one guess: it counts only when the block raises one of `counted` (a wrong guess).

    Raises `TooManyRequestsError` before the block runs when a limit is used up, so a
    locked-out account cannot be signed in to even with the right password.
    """
    with _counted_if(_take_both(rule, email, address), counted):
        yield


@contextlib.contextmanager
def _counted_if(hits: list[_Hit], counted: tuple[type[BaseException], ...]) -> Iterator[None]:
    """Keep `hits` when the block raises one of `counted`; give them back otherwise."""
    try:
        yield
    except counted:
        raise
    except BaseException:
        for hit in hits:
            _give_back(hit)
        raise
    for hit in hits:
        _give_back(hit)


@dataclass
class SignInGate:
    """What a sign-in attempt must still show: a mailed code, once unknown clients used up
    the account's allowance (the right password alone is then not enough, nor refused)."""

    needs_code: bool = False


@contextlib.contextmanager
def sign_in_attempt(email: str, address: str, browser: str, known_device: str | None,
                    counted: tuple[type[BaseException], ...]) -> Iterator[SignInGate]:
    """Guard one password guess for `email` (see `SIGN_IN`); 429 when this client is used up.

    `known_device`: a device token already checked to belong to `email`, or None."""
    too_many = f"Too many {SIGN_IN.what} for this account."
    gate = SignInGate()
    if known_device is not None:
        hits = [_take(SIGN_IN_DEVICE, f"{email}\n{known_device}", too_many)]
    else:
        hits = [_take(SIGN_IN_CLIENT, f"{email}\n{address}\n{browser}", too_many)]
        try:
            if address:
                hits.append(_take(SIGN_IN.per_address, address,
                                  f"Too many {SIGN_IN.what} from your network."))
        except TooManyRequestsError:
            _give_back(hits[0])
            raise
        try:
            hits.append(_take(SIGN_IN.per_account, email, too_many))
        except TooManyRequestsError:
            gate.needs_code = True
    with _counted_if(hits, counted):
        yield gate
