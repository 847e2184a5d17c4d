"""Journey (issue 17, point 2): someone who keeps typing a wrong password is told to wait;
(issue 24, point 5) while a browser that signed in before keeps signing in, and a new one
is asked for a mailed code instead of being refused.

Runs on a stack of its own: it uses up an account's sign-in allowance on purpose, and
127.0.0.1's share of the address allowance must not come out of the shared stack's.
"""
from __future__ import annotations

import re

import pytest
import requests

from emotecare.accounts.throttle import SIGN_IN
from tests.support.accounts import PASSWORD, make_user
from tests.support.mail import wait_for_mail
from tests.support.stack import StackProcess

pytestmark = [pytest.mark.browser, pytest.mark.stack, pytest.mark.slow]


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """This module's own stack (overrides the shared one for `open_page`)."""
    running = StackProcess(tmp_path_factory.mktemp("lockout") / "data").start()
    yield running
    running.stop()


def _submit_and_read_the_answer(page, password: str) -> str:
    page.fill("input[name=password]", password)
    page.click("form button[type=submit]")
    # The form clears its last message on submit and shows the next one when the API answers.
    page.wait_for_selector("form .field-error", timeout=15_000)
    page.wait_for_function("() => !document.querySelector('form button[type=submit]').disabled")
    return page.locator("form .field-error").inner_text()


def test_a_person_who_keeps_typing_a_wrong_password_is_told_when_to_try_again(open_page, stack):
    user = make_user(stack, "patient")
    watched = open_page()
    page = watched.page
    watched.open("/signin", ready="form input[name=email]")
    page.fill("input[name=email]", user.email)
    watched.screenshot("lockout-01-sign-in-form")
    for attempt in range(1, SIGN_IN.per_account.max_hits + 1):
        answer = _submit_and_read_the_answer(page, f"Not-My-Passw0rd-{attempt}")
        assert "wrong email or password" in answer.lower(), answer
        if attempt in (1, SIGN_IN.per_account.max_hits):
            watched.screenshot(f"lockout-02-wrong-password-{attempt:02d}")
    answer = _submit_and_read_the_answer(page, f"Not-My-Passw0rd-{attempt + 1}")
    assert re.fullmatch(r"Too many wrong sign-in attempts for this account\. "
                        r"Try again in 1[45] minutes\.", answer), answer
    watched.screenshot("lockout-03-told-to-wait")
    # Even the right password waits until the window is over: guessing gains nothing.
    answer = _submit_and_read_the_answer(page, PASSWORD)
    assert answer.startswith("Too many wrong sign-in attempts"), answer
    assert page.evaluate("() => location.hash").startswith("#/signin")
    watched.screenshot("lockout-04-right-password-also-waits")
    assert not watched.problems(), watched.problems()


def _come_back_later_to_sign_in(watched) -> None:
    """Close the tab's session (the ID token and refresh token go) but keep the browser."""
    watched.page.evaluate("() => sessionStorage.clear()")
    watched.open("/signin", ready="form input[name=email]")
    watched.page.reload()
    watched.page.wait_for_selector("form input[name=email]")


def _sign_in(page, email: str, password: str) -> None:
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    page.click("form button[type=submit]")


def test_a_strangers_wrong_passwords_do_not_lock_out_a_browser_that_signed_in_before(open_page, stack):
    """Issue 24, point 5: the stranger is throttled, this browser (its device token) is not."""
    user = make_user(stack, "patient")
    watched = open_page()
    page = watched.page
    watched.open("/signin", ready="form input[name=email]")
    _sign_in(page, user.email, PASSWORD)
    page.wait_for_function("() => location.hash.startsWith('#/dashboard')", timeout=15_000)
    _come_back_later_to_sign_in(watched)
    # Somewhere else, a stranger guesses until they are told to wait.
    guesses = [requests.post(f"{stack.api_url}/auth/signin", timeout=30,
                             json={"email": user.email, "password": f"Guess-Passw0rd-{n}"})
               for n in range(SIGN_IN.per_account.max_hits + 1)]
    assert [g.status_code for g in guesses][-1] == 429
    _sign_in(page, user.email, PASSWORD)
    page.wait_for_function("() => location.hash.startsWith('#/dashboard')", timeout=15_000)
    watched.screenshot("lockout-05-known-browser-signs-in-after-a-strangers-guesses")
    assert not watched.problems(), watched.problems()


def test_a_new_browser_of_a_much_guessed_account_signs_in_with_a_mailed_code(open_page, stack):
    user = make_user(stack, "patient")
    for n in range(SIGN_IN.per_account.max_hits):  # strangers on many clients
        requests.post(f"{stack.api_url}/auth/signin", headers={"User-Agent": f"stranger {n}"},
                      json={"email": user.email, "password": f"Guess-Passw0rd-{n}"}, timeout=30)
    watched = open_page()
    page = watched.page
    watched.open("/signin", ready="form input[name=email]")
    answer = _submit_and_read_the_answer_after(page, lambda: _sign_in(page, user.email, PASSWORD))
    assert "emailed you a code" in answer, answer
    assert page.is_visible("input[name=code]")
    watched.screenshot("lockout-06-asked-for-the-mailed-code")
    code = re.search(r"\b(\d{6})\b", wait_for_mail(stack, user.email, "sign-in code").text)[1]
    page.fill("input[name=code]", code)
    page.click("form button[type=submit]")
    page.wait_for_function("() => location.hash.startsWith('#/dashboard')", timeout=15_000)
    assert not watched.problems(), watched.problems()


def _submit_and_read_the_answer_after(page, submit) -> str:
    submit()
    page.wait_for_selector("form .field-error", timeout=15_000)
    page.wait_for_function("() => !document.querySelector('form button[type=submit]').disabled")
    return page.locator("form .field-error").inner_text()
