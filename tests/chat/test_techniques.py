"""Guided techniques across turns, with the state stored as JSON between every turn."""
import json

import pytest

from emotecare.chat import DISCLOSURE, ChatService, new_state
from emotecare.errors import ValidationError


def _talk(service, state, *messages, country="GB"):
    """Send messages one per turn, round-tripping the state through JSON like the store will."""
    turns = []
    for message in messages:
        state = json.loads(json.dumps(state))
        turn = service.handle_message(state, message, country=country)
        turns.append(turn)
        state = turn.state
    return turns, state


def test_first_reply_of_a_conversation_says_it_is_an_ai_not_a_therapist():
    service = ChatService()
    turns, _ = _talk(service, None, "hello", "how are you")
    assert turns[0].reply.startswith(DISCLOSURE)
    assert "not a therapist" in turns[0].reply
    assert DISCLOSURE not in turns[1].reply
    assert "not a therapist" in service.start_conversation().reply


def test_grounding_walks_five_four_three_two_one_across_turns():
    service = ChatService()
    turns, state = _talk(service, new_state(), "can we do a grounding exercise?", "desk, lamp, mug, window, plant",
                         "chair, floor, sleeve, hair", "traffic, fan, birds", "coffee, soap", "mint")
    prompts = [t.reply for t in turns]
    for prompt, count in zip(prompts, ["FIVE", "FOUR", "THREE", "TWO", "ONE"]):
        assert count in prompt
    assert "all five senses" in prompts[-1]
    assert state["technique"] is None and state["completed_techniques"] == ["grounding"]
    assert turns[-1].suggestions[0]["id"] == "ex-grounding-54321"


def test_technique_in_progress_survives_a_new_service_instance():
    _, state = _talk(ChatService(), None, "let's do 5-4-3-2-1 grounding", "desk, lamp, mug, window, plant")
    assert state["technique"] == {"id": "grounding", "step": 1, "answers": {"see": "desk, lamp, mug, window, plant"}}
    turns, _ = _talk(ChatService(), state, "chair, floor, sleeve, hair")
    assert "THREE" in turns[0].reply


def test_thought_record_remembers_answers_and_summarises_them():
    turns, state = _talk(ChatService(), None, "can you walk me through a thought record", "a meeting at work",
                         "anxious", "80", "I'm going to mess this up", "I stumbled on a slide last time",
                         "my manager said it went well", "I might stumble but I usually do fine", "40")
    closing = turns[-1].reply
    assert "I'm going to mess this up" in closing and "I usually do fine" in closing
    assert "80" in closing and "40" in closing and state["technique"] is None


def test_a_rating_step_asks_again_until_it_gets_a_number():
    turns, state = _talk(ChatService(), None, "can we try some breathing", "pretty tense")
    assert "number from 0 to 10" in turns[-1].reply
    assert state["technique"]["step"] == 0
    turns, state = _talk(ChatService(), state, "8", "done", "done", "4")
    assert "from 8 to 4" in turns[-1].reply


def test_behavioural_activation_and_sleep_hygiene_step_through_to_a_plan():
    turns, _ = _talk(ChatService(), None, "I want to plan an activity", "walks, baking, calling my sister",
                     "a short walk", "Saturday at 10", "rain, I'd walk to the shop instead", "5")
    assert "a short walk, Saturday at 10" in turns[-1].reply
    turns, _ = _talk(ChatService(), None, "can you give me sleep tips", "1am to 7am, later at weekends",
                     "3 coffees, the last at 6pm", "scrolling tiktok in bed", "worries about work")
    tips = turns[-1].reply
    assert "wake-up time" in tips and "caffeine" in tips and "screens" in tips and "worries down" in tips


def test_accepting_an_offered_technique_starts_it_and_stop_leaves_it():
    turns, state = _talk(ChatService(), None, "I've been so anxious lately", "yes please")
    assert "grounding" in turns[0].reply and "FIVE" in turns[1].reply
    turns, state = _talk(ChatService(), state, "can we stop")
    assert state["technique"] is None and "stop" in turns[0].reply


def test_mood_check_in_at_start_records_the_mood_and_offers_support_when_low():
    service = ChatService()
    opening = service.start_conversation()
    turns, state = _talk(service, opening.state, "2/10", "exhausted")
    assert turns[-1].mood_checkin["mood"] == 2 and turns[-1].offer_booking
    assert state["mood_checkins"][-1]["words"] == "exhausted"


def test_local_replies_reflect_feelings_and_suggest_matching_resources():
    turns, _ = _talk(ChatService(), {"disclosed": True}, "I've been really stressed about work")
    assert "stressed" in turns[0].reply and "work" in turns[0].reply
    assert {s["topic"] for s in turns[0].suggestions} == {"stress"}


def test_repeated_distress_leads_to_a_booking_suggestion():
    turns, _ = _talk(ChatService(), {"disclosed": True}, "I feel so low", "I'm worried all the time",
                     "I can't sleep at all")
    assert turns[-1].offer_booking and "book a session" in turns[-1].reply


def test_crisis_during_a_technique_interrupts_it():
    turns, state = _talk(ChatService(), None, "let's do grounding", "honestly i just want to kill myself")
    assert turns[-1].crisis and state["technique"] is None and "Samaritans" in turns[-1].reply


def test_a_bare_retraction_is_asked_once_then_ordinary_talk_and_a_safety_statement_close_it():
    turns, state = _talk(ChatService(), None, "I've been saving up my pills", "you misunderstood, forget it",
                         "how do I make pancakes")
    assert turns[1].safety_event["type"] == "risk_retracted" and "safe right now" in turns[1].reply.lower()
    assert "safe right now" not in turns[2].reply.lower()  # no risk loop on an ordinary message
    turns, state = _talk(ChatService(), state, "I'm safe, I promise")
    assert turns[-1].safety_event["type"] == "risk_resolved" and not state["risk"]["open"]


def test_unsafe_answer_to_the_check_in_reopens_the_crisis_reply():
    turns, _ = _talk(ChatService(), None, "i want to die", "no")
    assert turns[-1].crisis and turns[-1].safety_event["type"] == "crisis_flagged"


@pytest.mark.parametrize("bad", ["", "   ", None, "x" * 5001])
def test_empty_or_oversized_message_is_a_validation_error(bad):
    with pytest.raises(ValidationError) as info:
        ChatService().handle_message(None, bad)
    assert info.value.field == "text"


def test_state_that_is_not_plain_data_is_rejected():
    with pytest.raises(ValidationError):
        ChatService().handle_message({"turn": object()}, "hi")
