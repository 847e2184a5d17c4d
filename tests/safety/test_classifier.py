"""The safety check on its own: categories, figures of speech, slang and typos.

Known errors (a denial, a joke, a counted overdose's category) live in test_known_cases.py."""
import pytest

from emotecare.safety import check_message


@pytest.mark.parametrize("text, category", [
    ("I'm going to kill myself", "suicidal_ideation"),
    ("kms", "suicidal_ideation"),
    ("thinking about unaliving myself", "suicidal_ideation"),
    ("i want to kil myself", "suicidal_ideation"),
    ("sucidal again tonight", "suicidal_ideation"),
    ("I don't want to wake up tomorrow", "suicidal_ideation"),
    ("everyone would be better off without me", "suicidal_ideation"),
    ("I've been saving up my pills", "suicidal_ideation"),
    ("what's the tallest bridge near me", "suicidal_ideation"),
    ("I cut myself again last night", "self_harm"),
    ("I'm going to stab my roommate", "harm_to_others"),
    ("my husband hits me when he's drunk", "abuse"),
    ("I took a whole bottle of pills an hour ago", "medical_emergency"),
])
def test_crisis_language_is_flagged_with_its_category(text, category):
    result = check_message(text)
    assert result.crisis and result.category == category, result


@pytest.mark.parametrize("text", [
    "I would never kill myself",
    "I'm not suicidal, just exhausted",
    "this exam is killing me",
    "I could murder a pizza",
    "dying of laughter at this",
    "killing it at work this week",
    "my mom is going to kill me when she sees my grades",
    "I used to self harm but I've been clean for two years",
    "my uncle died by suicide when I was small",
    "",
])
def test_negations_figures_of_speech_and_past_risk_are_not_flagged(text):
    result = check_message(text)
    assert not result.crisis and result.level in ("none", "distress") and result.category is None


@pytest.mark.parametrize("text", [
    "I can't stop thinking about killing myself",
    "I'm not okay and I want to die",
    "I'd never do it, but sometimes I think about ending it",
    "why shouldn't I just kill myself",
])
def test_negation_words_that_do_not_deny_the_risk_still_flag(text):
    assert check_message(text).crisis


def test_an_explicit_phrase_sets_the_category_and_the_evidence_names_it():
    result = check_message("I just took way too many of my sleeping pills because I want to die")
    assert result.category == "medical_emergency"
    assert any("sleeping pills" in e for e in result.evidence)
    assert result.to_dict()["crisis"] is True


@pytest.mark.parametrize("text", [
    "just took way too many of my pills, it never gets better",
    "anxious and ugly, its too late for me, suicides the only way out",
    "no friends, no future, no reason to live, ill probably end it soon",
    "she left me today and i'm thinking about suicide again",
    "all i hear is how much i suck, and the urge to kill myself to get away from it",
])
def test_the_misses_named_in_issue_20_are_caught(text):
    assert check_message(text).crisis


@pytest.mark.parametrize("text", [
    "im watching a film where the hero wants to kill himself",
    "that horror film about suicide was so good",
])
def test_talk_about_films_is_not_flagged(text):
    assert not check_message(text).crisis


@pytest.mark.parametrize("text", ["being alive this long was a mistake, bye", "please just kill me now"])
def test_the_misses_pinned_for_crisis_2_3_0_are_caught(text):
    assert check_message(text).crisis


def test_a_joke_pinned_as_a_false_alarm_for_crisis_2_3_0_is_not_flagged():
    text = "relatives came for dinner while im in my onesie, i wanna kill myself"
    assert not check_message(text).crisis


@pytest.mark.parametrize("text", ["ok done", "I want to plan an activity", "8", "next step please"])
def test_short_replies_inside_a_chat_exercise_are_not_flagged(text):
    # crisis-2.0.1 flagged a bare "done" (it reads like "i'm done"); round r44 of the written
    # sets (calm exercise replies beside short crisis lines) taught crisis-2.1.0 the difference.
    # crisis-3.0.0 flags a bare "done" again (test_known_cases.py); the chat reads it in context.
    assert not check_message(text).crisis
