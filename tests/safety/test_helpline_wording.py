"""How a helpline is shown: one plain sentence of how to reach it (issue 16: not "988 — 988")."""
from __future__ import annotations

import pytest

from emotecare.safety.helplines import INTERNATIONAL_DIRECTORY, list_helplines


def _reach(country: str) -> dict[str, str]:
    return {line.name: line.to_dict()["reach"] for line in list_helplines(country)}


@pytest.mark.parametrize(("country", "name", "reach"), [
    ("US", "988 Suicide & Crisis Lifeline", "call or text 988"),
    ("US", "Crisis Text Line", "Text HOME to 741741"),
    ("GB", "Samaritans", "call 116 123"),
    ("GB", "Shout", "Text SHOUT to 85258"),
    ("AU", "Lifeline", "call 13 11 14 or text 0477 13 11 14"),
])
def test_each_line_says_how_to_reach_it_in_words(country, name, reach):
    assert _reach(country)[name] == reach


def test_a_line_with_only_a_website_says_visit_it():
    assert INTERNATIONAL_DIRECTORY.how_to_reach() == "visit https://findahelpline.com"
