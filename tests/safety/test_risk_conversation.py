"""The risk check reads the conversation: answers against the question asked, retractions, no loop."""
import json

from emotecare.safety import RiskConversation


def _assess_all(messages, state=None):
    """Run `messages` through fresh RiskConversation objects, as separate requests would."""
    kinds, levels = [], []
    for message in messages:
        risk = RiskConversation(json.loads(json.dumps(state or {})))
        assessment = risk.assess(message)
        kinds.append(assessment.reply_kind)
        levels.append(assessment.level)
        state = risk.to_dict()
    return kinds, levels, state


def test_safe_you_misunderstood_closes_the_check_as_a_retraction():
    kinds, _, state = _assess_all(["I want to die", "I'm safe, you misunderstood me"])
    assert kinds == ["crisis", "retracted"] and not state["open"] and state["retractions"] == 1


def test_after_a_retraction_ordinary_messages_get_ordinary_replies():
    kinds, _, state = _assess_all(["I want to die", "You misunderstood me. I'm safe", "My cat died last week too",
                                   "I had pasta for dinner and watched a film"])
    assert kinds[1] == "retracted" and kinds[2] in ("none", "distress") and kinds[3] in ("none", "distress")
    assert not state["open"]


def test_after_a_retraction_a_new_crisis_message_gets_the_crisis_answer_at_once():
    kinds, _, _ = _assess_all(["I want to die", "I'm safe, you misunderstood", "I want to kill myself tonight"])
    assert kinds == ["crisis", "retracted", "crisis"]


def test_a_bare_jk_gets_one_direct_question_and_never_a_loop():
    kinds, _, state = _assess_all(["kms", "lol jk", "lol relax", "anyway what's for dinner"])
    assert kinds[:2] == ["crisis", "check_in"]
    assert "check_in" not in kinds[2:] and kinds[3] in ("none", "distress")


def test_ordinary_small_talk_while_a_check_is_open_is_not_asked_are_you_safe_again():
    kinds, _, state = _assess_all(["everyone would be better off without me", "My cat died last week too"])
    assert kinds == ["crisis", "none"] or kinds == ["crisis", "distress"]


def test_two_safety_confirmations_close_it():
    kinds, _, state = _assess_all(["I want to hurt myself", "yes I'm safe right now",
                                   "yes, I'll text the crisis line if it comes back"])
    assert kinds == ["crisis", "check_in", "resolved"] and not state["open"]


def test_no_to_are_you_safe_reopens_the_crisis():
    kinds, _, _ = _assess_all(["everyone would be better off without me", "no"])
    assert kinds == ["crisis", "crisis"]


def test_yes_to_are_you_thinking_of_ending_your_life_escalates_to_active_ideation():
    state = {"asked": "ask_ideation", "turn": 3}
    kinds, levels, state = _assess_all(["yes"], state)
    assert kinds == ["crisis"] and levels == ["active_ideation"] and state["open"]


def test_no_to_the_ideation_question_is_an_ordinary_answer():
    kinds, _, state = _assess_all(["no, nothing like that"], {"asked": "ask_ideation"})
    assert kinds[0] in ("none", "distress") and not state["open"]


def test_a_bare_yes_with_no_question_asked_is_not_a_crisis():
    kinds, _, _ = _assess_all(["yes"])
    assert kinds == ["none"]


def test_stated_intent_while_the_check_is_open_reopens_the_crisis_at_method_intent_plan():
    kinds, levels, _ = _assess_all(["everything is pointless, I want out", "whatever, I'm going to do it tonight"])
    assert kinds == ["crisis", "crisis"] and levels[1] == "method_intent_plan"


def test_intent_hidden_behind_a_retraction_word_still_reopens_the_crisis():
    kinds, _, _ = _assess_all(["I want to die", "lol whatever, I have the pills"])
    assert kinds == ["crisis", "crisis"]


def test_calm_conversation_never_opens_a_check():
    kinds, _, state = _assess_all(["hi", "work was hard", "I'm not going to hurt myself, just venting"])
    assert "crisis" not in kinds and not state["open"]


def test_clinician_can_close_the_check():
    risk = RiskConversation()
    risk.assess("i want to die")
    risk.close_by_clinician()
    assert not risk.is_open


def test_the_flag_event_id_is_kept_for_the_retraction():
    risk = RiskConversation()
    risk.assess("i want to die")
    risk.remember_flag_event("01HXYZ")
    assessment = RiskConversation(risk.to_dict()).assess("I'm safe, you misunderstood")
    assert assessment.reply_kind == "retracted" and assessment.retracted_level
