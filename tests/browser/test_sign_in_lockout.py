"""Journey (issue 17, point 2): someone who keeps typing a wrong password is told to wait.

Runs on a stack of its own: it uses up an account's sign-in allowance on purpose, and
127.0.0.1's share of the address allowance must not come out of the shared stack's.
"""
from __future__ import annotations

import re

import pytest

from emotecare.accounts.throttle import SIGN_IN
from tests.support.accounts import PASSWORD, make_user
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
