"""The safety check on its own: categories, negation, figures of speech, slang and typos."""
import pytest

from emotecare.safety import SafetyResult, check_message


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
    "I'm not going to hurt myself",
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
    assert check_message(text) == SafetyResult(crisis=False)


@pytest.mark.parametrize("text", [
    "I can't stop thinking about killing myself",
    "I'm not okay and I want to die",
    "I'd never do it, but sometimes I think about ending it",
    "why shouldn't I just kill myself",
])
def test_negation_words_that_do_not_deny_the_risk_still_flag(text):
    assert check_message(text).crisis


def test_most_urgent_category_leads_and_evidence_names_the_phrases():
    result = check_message("I took 40 paracetamol because I want to die")
    assert result.category == "medical_emergency"
    assert "suicidal_ideation" in result.categories
    assert any("paracetamol" in e for e in result.evidence)
    assert result.to_dict()["crisis"] is True
