"""The short reviewed phrase list: data with an example and a counter-example each, read locally."""
import pytest

from emotecare.safety.rules import check_rules, find_phrases, load_phrases

PHRASES = load_phrases()


def test_the_list_is_short_and_each_phrase_has_a_category_kind_example_and_counter_example():
    assert len(PHRASES) <= 20
    assert len({p.id for p in PHRASES}) == len(PHRASES)
    for phrase in PHRASES:
        assert phrase.category in ("suicidal_ideation", "self_harm", "harm_to_others", "abuse", "medical_emergency")
        assert phrase.kind and phrase.example and phrase.counter_example


def test_only_phrases_that_earned_their_place_run():
    kept = [p for p in PHRASES if p.kept]
    assert 0 < len(kept) < len(PHRASES)
    dropped = next(p for p in PHRASES if not p.kept)
    assert find_phrases(dropped.example, (dropped,))  # it would fire...
    assert not any(found.id == dropped.id for found, _ in find_phrases(dropped.example))  # ...but is not run


@pytest.mark.parametrize("phrase", PHRASES, ids=[p.id for p in PHRASES])
def test_each_phrase_catches_its_example_and_not_its_counter_example(phrase):
    assert find_phrases(phrase.example, (phrase,)), phrase.example
    assert not find_phrases(phrase.counter_example, (phrase,)), phrase.counter_example


def test_a_negation_qualifies_only_the_phrase_it_touches():
    text = "i am not sad. i just took way too many of my pills"
    assert check_rules(text).crisis  # the "not" sits in another sentence
    assert not check_rules("i never took way too many of my pills").crisis


def test_a_joking_cue_right_after_a_phrase_takes_it_back():
    overdose = next(p for p in PHRASES if p.id == "overdose_taken")
    assert not find_phrases("i took way too many of my pills lol", (overdose,))


@pytest.mark.parametrize("everyday", ["house", "phone", "course", "work"])
def test_no_everyday_word_anywhere_in_a_message_switches_a_phrase_off(everyday):
    text = f"my {everyday} is a mess and i just took way too many of my sleeping pills"
    assert check_rules(text).category == "medical_emergency"


def test_the_rules_report_the_phrase_and_the_most_urgent_category():
    result = check_rules("i am scared, she took way too many of her sleeping pills")
    assert result.crisis and result.category == "medical_emergency"
    assert any(e.startswith("phrase ") for e in result.evidence)
