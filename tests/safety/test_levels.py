"""Graded risk (docs/safety-levels.md): each level's examples, and what the result carries."""
import pytest

from emotecare.safety import LEVELS, build_safety_event, check_message
from emotecare.safety.levels import grade_crisis


def test_the_levels_are_exactly_the_six_documented_identifiers():
    assert LEVELS == ("none", "distress", "passive_ideation", "active_ideation", "method_intent_plan",
                      "behaviour_or_danger")


@pytest.mark.parametrize("text", [  # the third, the bath, is a known false alarm (test_known_cases.py)
    "Can you just give me one practical thing to try tonight?",
    "My cat died last week too",
])
def test_two_of_the_benign_messages_from_issue_23_are_not_crises(text):
    result = check_message(text)
    assert not result.crisis and result.level in ("none", "distress")


def test_a_stressed_message_is_distress_and_not_a_crisis():
    result = check_message("Work has been so stressful and I keep crying after my shifts, I feel like I'm failing")
    assert (result.crisis, result.level) == (False, "distress")


@pytest.mark.parametrize("text, level", [
    ("Sometimes I wish I could go to sleep and not wake up", "passive_ideation"),
    ("I keep thinking about killing myself", "active_ideation"),
    ("I've saved up my pills and I'm going to take them tonight", "method_intent_plan"),
    ("I just took a whole bottle of pills", "behaviour_or_danger"),
    ("He's hitting me right now", "behaviour_or_danger"),
])
def test_crisis_messages_are_graded_like_the_screener(text, level):
    result = check_message(text)
    assert result.crisis and result.level == level


def test_abuse_and_medical_emergencies_are_danger_now_whatever_the_words():
    assert grade_crisis("he won't let me leave the house", "abuse") == "behaviour_or_danger"
    assert grade_crisis("she is not responding", "medical_emergency") == "behaviour_or_danger"


def test_a_negated_cue_does_not_raise_the_level():
    assert grade_crisis("I'm not going to kill myself but I wish I wasn't here", "suicidal_ideation") \
        == "passive_ideation"


def test_the_level_is_in_the_result_dict_and_in_the_safety_event():
    result = check_message("I keep thinking about killing myself")
    assert result.to_dict()["level"] == "active_ideation"
    event = build_safety_event("crisis_flagged", "chat", result)
    assert event["level"] == "active_ideation" and "retracts" not in event


def test_a_retraction_event_names_the_event_it_retracts_and_the_level_it_takes_back():
    event = build_safety_event("risk_retracted", "chat", None, level="passive_ideation", retracts="ev-1")
    assert (event["type"], event["level"], event["retracts"]) == ("risk_retracted", "passive_ideation", "ev-1")
    assert event["occurred_at"]


def test_an_unknown_level_is_refused():
    with pytest.raises(ValueError, match="level"):
        build_safety_event("crisis_flagged", "chat", None, level="severe")


def test_the_crisis_reply_follows_the_level():
    from emotecare.safety import build_crisis_reply, build_distress_support
    plan = build_crisis_reply("suicidal_ideation", "GB", level="method_intent_plan").text
    assert "please call 999 now" in plan and "out of reach" in plan
    passive = build_crisis_reply("suicidal_ideation", "GB", level="passive_ideation").text
    assert "out of reach" not in passive and "things feel really heavy" in passive and "116 123" in passive
    support = build_distress_support("GB", ask_ideation=True)
    assert "talk to someone any time" in support and "thoughts of ending their life" in support
