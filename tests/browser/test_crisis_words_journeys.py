"""Issue 20 in a real browser: a patient writes the way real people at risk write, in the chat
and in the journal, and gets the crisis answer; a joke in the same chat does not get it.

The messages paraphrase misses of the old check named in the issue (real posts are never
copied into the project). Each step is saved under test-artifacts/screenshots/crisis-*.png.
"""
from __future__ import annotations

import pytest

from emotecare_dev.local.seed import DEMO_USERS
from tests.browser.conftest import PHONE, add_journal_entry_expecting_crisis_box, send_chat_message, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.stack, pytest.mark.slow]

PATIENT = next(u for u in DEMO_USERS if u.role == "patient")
# The check before issue 20 missed this one (issue 20's list); the journal line it caught.
CHAT_CRISIS = "all i hear is how much i suck, and the urge to kill myself to get away from it"
CHAT_CALM = "this exam is killing me but i'll survive, just need coffee"
JOURNAL_CRISIS = "just took way too many of my pills, it never gets better"


def test_a_patient_in_crisis_gets_crisis_lines_in_the_chat_and_a_joke_does_not(open_page, stack):
    watched = open_page(PHONE)
    page = watched.page
    sign_in(watched, PATIENT.email, PATIENT.password, next_path="/chat")
    watched.wait_for_path("/chat")
    watched.screenshot("crisis-01-chat-open")

    send_chat_message(page, CHAT_CALM)
    assert page.locator(".chat-log .msg.crisis").count() == 0
    watched.screenshot("crisis-02-chat-joke-gets-an-ordinary-reply")

    send_chat_message(page, CHAT_CRISIS)
    crisis = page.locator(".chat-log .msg.bot.crisis")
    crisis.first.wait_for(timeout=20_000)
    page.get_by_role("link", name="All crisis lines").last.wait_for(timeout=10_000)
    assert crisis.count() >= 1
    watched.screenshot("crisis-03-chat-crisis-reply-with-lines")
    assert not watched.problems()


def test_a_journal_entry_about_an_overdose_points_the_patient_to_crisis_lines(open_page, stack):
    watched = open_page()
    sign_in(watched, PATIENT.email, PATIENT.password, next_path="/journal")
    watched.wait_for_path("/journal")
    watched.screenshot("crisis-04-journal-open")

    box = add_journal_entry_expecting_crisis_box(watched, "2", JOURNAL_CRISIS,
                                                 "crisis-05-journal-entry-typed")
    box.get_by_role("link", name="All crisis lines").wait_for(timeout=10_000)
    watched.screenshot("crisis-06-journal-crisis-lines-offered")
    assert not watched.problems()
