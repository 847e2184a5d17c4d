"""Sign-in, code mails and code guesses are limited per account and per address (issue 17, point 2).

These run on a stack of their own: they use up 127.0.0.1's allowance on purpose, which
must not leak into the shared stack the rest of the suite signs in to.
"""
from __future__ import annotations

import re
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from emotecare.accounts.throttle import CODE_GUESSES, CODE_MAILS, SIGN_IN
from tests.support.accounts import PASSWORD, make_user
from tests.support.mail import sent_mails, wait_for_mail
from tests.support.stack import StackProcess

pytestmark = [pytest.mark.stack, pytest.mark.slow]


@pytest.fixture(scope="module")
def own_stack(tmp_path_factory):
    running = StackProcess(tmp_path_factory.mktemp("throttle") / "data").start()
    yield running
    running.stop()


def _post(stack, path: str, body: dict, agent: str | None = None) -> requests.Response:
    headers = {"User-Agent": agent} if agent else {}
    return requests.post(f"{stack.api_url}{path}", json=body, headers=headers, timeout=30)


def _email() -> str:
    return f"throttle-{uuid.uuid4().hex[:10]}@test.emotecare.example"


def _assert_throttled(response: requests.Response) -> None:
    assert response.status_code == 429, (response.status_code, response.text)
    assert 0 < int(response.headers["Retry-After"]) <= 3600
    assert re.search(r"Try again in \d+ minutes?\.$", response.json()["error"]), response.text


def test_wrong_passwords_in_parallel_stop_at_the_limit_and_lock_the_right_one_out(own_stack):
    user = make_user(own_stack, "patient")
    wrong = {"email": user.email, "password": "Wrong-Passw0rd-9"}
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = sorted(r.status_code for r in pool.map(
            lambda _: _post(own_stack, "/auth/signin", wrong), range(30)))
    limit = SIGN_IN.per_account.max_hits
    assert statuses == [401] * limit + [429] * (30 - limit)
    right = _post(own_stack, "/auth/signin", {"email": user.email, "password": PASSWORD})
    _assert_throttled(right)
    assert "this account" in right.json()["error"]


def test_right_passwords_are_not_counted(own_stack):
    user = make_user(own_stack, "patient")
    body = {"email": user.email, "password": PASSWORD}
    statuses = [_post(own_stack, "/auth/signin", body).status_code
                for _ in range(SIGN_IN.per_account.max_hits + 2)]
    assert set(statuses) == {200}


def test_password_reset_codes_are_mailed_a_limited_number_of_times(own_stack):
    user = make_user(own_stack, "patient")
    statuses = [_post(own_stack, "/auth/password/forgot", {"email": user.email}).status_code
                for _ in range(20)]
    limit = CODE_MAILS.per_account.max_hits
    assert statuses == [202] * limit + [429] * (20 - limit)
    assert len(sent_mails(own_stack, user.email)) == limit
    # An unknown address is limited the same way, so a 429 tells nothing about who exists.
    nobody = _email()
    statuses = [_post(own_stack, "/auth/password/forgot", {"email": nobody}).status_code
                for _ in range(limit + 1)]
    assert statuses == [202] * limit + [429]


def test_a_fresh_code_does_not_reset_the_guess_limit(own_stack):
    email = _email()
    assert _post(own_stack, "/auth/signup", {"email": email, "password": PASSWORD,
                                             "name": "Guess Test"}).status_code == 201
    wait_for_mail(own_stack, email, "verification code")
    guesses = 0
    # Cycle: a few wrong guesses, a new code, again, until our limit (not the code's) stops it.
    for _ in range(CODE_GUESSES.per_account.max_hits // 3):
        for _ in range(3):
            response = _post(own_stack, "/auth/confirm", {"email": email, "code": "000000"})
            assert response.status_code == 400, response.text
            guesses += 1
        assert _post(own_stack, "/auth/confirm/resend", {"email": email}).status_code == 202
    while guesses < CODE_GUESSES.per_account.max_hits:
        assert _post(own_stack, "/auth/confirm", {"email": email, "code": "000000"}).status_code == 400
        guesses += 1
    code = re.search(r"\b(\d{6})\b", wait_for_mail(own_stack, email, "verification code").text)[1]
    _assert_throttled(_post(own_stack, "/auth/confirm", {"email": email, "code": code}))


def test_wrong_current_passwords_on_a_password_change_stop_at_the_sign_in_limit(own_stack):
    # Proving the current password signs in with it: without the limit, a stolen token
    # would let anyone guess the password without end.
    user = make_user(own_stack, "patient")
    wrong = {"current_password": "Wrong-Passw0rd-9", "new_password": "Another-Passw0rd-7"}
    statuses = [requests.put(f"{own_stack.api_url}/me/password", json=wrong, headers=user.headers,
                             timeout=30).status_code
                for _ in range(SIGN_IN.per_account.max_hits + 1)]
    assert statuses == [400] * SIGN_IN.per_account.max_hits + [429]


def test_ten_wrong_passwords_from_a_stranger_do_not_stop_a_device_that_signed_in_before(own_stack):
    """Issue 24, point 5 (OWASP's device cookie): the stranger is throttled, the owner is not."""
    user = make_user(own_stack, "patient")
    first = _post(own_stack, "/auth/signin", {"email": user.email, "password": PASSWORD},
                  agent="owner's laptop")
    assert first.status_code == 200, first.text
    device_token = first.json()["device_token"]
    wrong = {"email": user.email, "password": "Wrong-Passw0rd-9"}
    statuses = [_post(own_stack, "/auth/signin", wrong, agent="stranger").status_code
                for _ in range(SIGN_IN.per_account.max_hits + 1)]
    assert statuses == [401] * SIGN_IN.per_account.max_hits + [429]
    again = _post(own_stack, "/auth/signin", {"email": user.email, "password": PASSWORD,
                                              "device_token": device_token},
                  agent="owner's laptop")
    assert again.status_code == 200, again.text
    assert again.json()["id_token"] and again.json()["device_token"]
    # The stranger's own client stays throttled, right password or not.
    _assert_throttled(_post(own_stack, "/auth/signin", {"email": user.email, "password": PASSWORD},
                            agent="stranger"))


def test_a_device_token_of_another_account_proves_nothing(own_stack):
    owner, other = make_user(own_stack, "patient"), make_user(own_stack, "patient")
    token = _post(own_stack, "/auth/signin", {"email": owner.email, "password": PASSWORD}
                  ).json()["device_token"]
    for _ in range(SIGN_IN.per_account.max_hits):
        _post(own_stack, "/auth/signin", {"email": other.email, "password": "Wrong-Passw0rd-9",
                                          "device_token": token}, agent="thief")
    refused = _post(own_stack, "/auth/signin", {"email": other.email, "password": PASSWORD,
                                                "device_token": token}, agent="thief")
    _assert_throttled(refused)


def test_once_the_account_wide_limit_is_used_up_a_new_client_signs_in_with_a_mailed_code(own_stack):
    user = make_user(own_stack, "patient")
    wrong = {"email": user.email, "password": "Wrong-Passw0rd-9"}
    # Strangers on many clients together use up the account's allowance for unknown clients.
    statuses = [_post(own_stack, "/auth/signin", wrong, agent=f"stranger {n}").status_code
                for n in range(SIGN_IN.per_account.max_hits)]
    assert statuses == [401] * SIGN_IN.per_account.max_hits
    right = {"email": user.email, "password": PASSWORD}
    asked = _post(own_stack, "/auth/signin", right, agent="owner's new phone")
    assert asked.status_code == 400, asked.text
    assert asked.json()["field"] == "code" and "emailed you a code" in asked.json()["error"]
    code = re.search(r"\b(\d{6})\b", wait_for_mail(own_stack, user.email, "sign-in code").text)[1]
    still_wrong = _post(own_stack, "/auth/signin", {**wrong, "code": code}, agent="stranger 0")
    assert still_wrong.status_code == 401, still_wrong.text  # the code alone opens nothing
    signed_in = _post(own_stack, "/auth/signin", {**right, "code": code}, agent="owner's new phone")
    assert signed_in.status_code == 200, signed_in.text
    assert signed_in.json()["id_token"] and signed_in.json()["device_token"]


def test_one_address_cannot_try_passwords_on_many_accounts(own_stack):
    """Runs last in this module: it uses up 127.0.0.1's sign-in allowance on this stack."""
    limit = SIGN_IN.per_address.max_hits
    # The first test's failures, the password-change test's and the device tests' strangers'
    # came from this address too (a known device's guesses are not counted per address).
    used = 5 * SIGN_IN.per_account.max_hits + 1  # + the stranger's code-less wrong guess
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(
            lambda _: _post(own_stack, "/auth/signin", {"email": _email(),
                                                         "password": "Wrong-Passw0rd-9"}).status_code,
            range(limit - used + 5)))
    assert statuses.count(401) == limit - used and statuses.count(429) == 5
    refused = _post(own_stack, "/auth/signin", {"email": _email(), "password": "x"})
    _assert_throttled(refused)
    assert "your network" in refused.json()["error"]

