"""Known failure modes of the shipped check, asserted as they are today (not hoped away).

Each message paraphrases a kind of error seen on the held-out posts or the first-sight sets
(the posts themselves are never copied into the project). The assertions pin today's
behaviour, so a retrained model that fixes one fails here: then move the case to the
passing lists in test_classifier.py and update the model card's "known failure modes".
"""
import pytest

from emotecare.safety import check_message

KNOWN_MISSES = [
    # Hedges ("actually", "still") are common in calm posts about getting better; they pull a
    # short "want to die" under the threshold. Long, plain statements of the wish are caught.
    "actually I still want to die",
    # Hyperbole about trivia is labelled at risk in the posts more often than not, yet the model
    # learnt "my hair ... want to die" as calm from the written look-alikes: right by our reading,
    # a miss by the label (about one held-out "miss" in six is of this noisy kind).
    "my hair is so damaged i want to die",
]

KNOWN_FALSE_ALARMS = [
    # A denial: n-grams see "kill myself" and do not read the grammar around it ("not going to").
    # The level reads it (passive, not active ideation), the flag does not.
    "I'm not going to kill myself",
    # Issue 23 names it: "I'm going to ... tonight" is how the written crisis rows say a plan, and
    # the character n-grams of "im going" and "tonight" outweigh "bath" being a bath (crisis-3.0.0
    # scores it 0.83 even after round r47 of calm evening plans). Costs a crisis box in the chat.
    "I'm going to take a long bath tonight.",
    # A bare "done" reads like "I'm done" (0.47, just over the threshold). In the chat it is read
    # in context: inside an exercise a few-word reply without a risk cue is an answer
    # (tests/chat/test_listening.py), so only the check alone (journal, messages) flags it.
    "done",
]


@pytest.mark.parametrize("text", KNOWN_MISSES)
def test_known_misses_are_still_missed(text):
    assert not check_message(text).crisis


@pytest.mark.parametrize("text", KNOWN_FALSE_ALARMS)
def test_known_false_alarms_still_flag(text):
    assert check_message(text).crisis


def test_known_category_slip_an_overdose_with_a_stated_wish_is_reported_as_ideation():
    # A counted overdose ("40 paracetamol") is not in the overdose phrase (it needs "too many",
    # "a whole bottle"...), so the category head decides, and the wish to die outweighs the act.
    # Still a crisis: the reply gives the crisis lines; only the emergency-first wording differs.
    result = check_message("I took 40 paracetamol because I want to die")
    assert result.crisis and result.category == "suicidal_ideation"
