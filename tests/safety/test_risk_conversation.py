"""The risk check stays open across turns until safety is confirmed, and survives storage."""
import json

from emotecare.safety import RiskConversation


def _assess_all(messages, state=None):
    kinds = []
    for message in messages:
        risk = RiskConversation(json.loads(json.dumps(state or {})))
        kinds.append(risk.assess(message).reply_kind)
        state = risk.to_dict()
    return kinds, state


def test_one_retraction_does_not_end_the_risk_check():
    kinds, state = _assess_all(["i want to die", "jk"])
    assert kinds == ["crisis", "check_in"] and state["open"] and state["retractions"] == 1


def test_many_retractions_and_small_talk_still_do_not_end_it():
    kinds, state = _assess_all(["kms", "you misunderstood", "lol relax", "anyway what's for dinner", "forget it"])
    assert kinds == ["crisis", "check_in", "check_in", "check_in", "check_in"] and state["open"]


def test_two_explicit_safety_confirmations_on_separate_turns_close_it():
    kinds, state = _assess_all(["I want to hurt myself", "I'm not going to hurt myself, I'm safe",
                                "yes, I'll text the crisis line if it comes back"])
    assert kinds == ["crisis", "check_in", "resolved"] and not state["open"]


def test_retraction_with_a_safety_claim_does_not_count_as_confirmation():
    kinds, state = _assess_all(["kms", "lol jk"])
    assert state["confirmations"] == 0


def test_no_to_are_you_safe_reopens_the_crisis():
    kinds, _ = _assess_all(["everyone would be better off without me", "no"])
    assert kinds == ["crisis", "crisis"]


def test_a_new_crisis_message_resets_confirmations():
    kinds, state = _assess_all(["i want to die", "I'm safe", "I still want to kill myself"])
    assert kinds[-1] == "crisis" and state["confirmations"] == 0


def test_calm_conversation_never_opens_a_check():
    kinds, state = _assess_all(["hi", "work was hard", "I'm not going to hurt myself, just venting"])
    assert kinds == ["none", "none", "none"] and not state["open"]


def test_clinician_can_close_the_check():
    risk = RiskConversation()
    risk.assess("i want to die")
    risk.close_by_clinician()
    assert not risk.is_open


def test_stated_intent_while_the_check_is_open_reopens_the_crisis():
    kinds, _ = _assess_all(["everything is pointless, I want out", "whatever, I'm going to do it tonight"])
    assert kinds == ["crisis", "crisis"]


def test_intent_hidden_behind_a_retraction_word_still_reopens_the_crisis():
    kinds, _ = _assess_all(["I want to die", "lol whatever, I have the pills"])
    assert kinds == ["crisis", "crisis"]
