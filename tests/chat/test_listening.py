"""The chat listens: "no" is honoured, off-script answers are followed, earlier words remembered,
and the risk check reads the conversation (retraction without a loop, a new crisis at once)."""
from datetime import datetime, timezone

from emotecare.clock import iso
from emotecare.chat.reply_intent import classify_reply
from emotecare.chat.service import ChatService

NOW = datetime(2026, 12, 7, 18, 0, tzinfo=timezone.utc)


def _talk(messages, state=None, service=None):
    service = service or ChatService()
    turns = []
    for message in messages:
        turn = service.handle_message(state, message, country="GB", now=NOW)
        state = turn.state
        turns.append(turn)
    return turns


def test_no_thanks_i_dont_want_a_check_in_does_not_start_it():
    turn, = _talk(["No thanks, I don't want a check-in"])
    assert turn.technique is None and turn.state["technique"] is None
    assert "scale" not in turn.reply and "how is your mood" not in turn.reply.lower()


def test_asking_for_a_check_in_still_starts_it():
    turn, = _talk(["can we do a check-in"])
    assert turn.technique == "mood_checkin"


def test_declining_the_check_in_once_it_has_started_leaves_it():
    service = ChatService()
    opened = service.start_conversation()
    turn, = _talk(["no thanks, I'd rather not rate my mood today"], opened.state, service)
    assert turn.state["technique"] is None and "number from" not in turn.reply


def test_an_offer_declined_is_not_started_and_an_offer_taken_up_is():
    service = ChatService()
    opened = service.start_conversation()
    _, offered = _talk(["2", "tired"], opened.state, service)
    assert offered.state["offered"] == "grounding"
    no, = _talk(["nah"], offered.state, service)
    assert no.technique is None and no.state["technique"] is None and no.state["offered"] is None
    yes, = _talk(["sure, let's try it"], offered.state, service)
    assert yes.technique == "grounding"


def test_an_off_script_answer_leaves_a_rating_step_and_is_answered():
    turn, = _talk(["I'd rather talk about my sister, we had a huge fight"], ChatService().start_conversation().state)
    assert turn.state["technique"] is None and "number from" not in turn.reply


def test_the_bot_remembers_what_the_person_said_it_was_about_earlier():
    first, second = _talk(["My boss shouted at me in front of everyone", "I just feel so anxious all the time"])
    assert "work" in second.reply and "earlier" in second.reply


def test_reply_intents_come_from_the_learnt_model():
    assert classify_reply("No thanks, I don't want a check-in").intent == "decline"
    assert classify_reply("yes please").intent == "accept"
    assert classify_reply("can we talk about my mum instead").intent == "other"


def test_asking_for_one_practical_thing_tonight_gets_no_crisis_answer():
    # Issue 23's other benign message, the long bath, is still a known false alarm of the model.
    turn, = _talk(["Can you just give me one practical thing to try tonight?"])
    assert not turn.crisis and "safe right now" not in turn.reply


def test_a_bare_done_inside_an_exercise_is_read_as_the_answer():
    turns = _talk(["can we try some breathing", "8", "done", "done", "4"])
    assert not any(t.crisis for t in turns) and "from 8 to 4" in turns[-1].reply


def test_a_crisis_inside_an_exercise_still_interrupts_it():
    _, crisis = _talk(["can we try some breathing", "I want to kill myself"])
    assert crisis.crisis and crisis.state["technique"] is None


def test_a_retraction_closes_the_check_names_the_flag_and_the_next_message_is_ordinary():
    crisis, = _talk(["I want to end my life"])
    assert crisis.crisis and crisis.safety_event["level"] in ("active_ideation", "method_intent_plan")
    crisis.state["risk"]["flag_event_id"] = "01FLAG"  # what the API stores once the flag is recorded
    retracted, cat = _talk(["You misunderstood me. I'm safe", "My cat died last week too"], crisis.state)
    event = retracted.safety_event
    assert (event["type"], event["retracts"], event["occurred_at"]) == ("risk_retracted", "01FLAG", iso(NOW))
    assert not retracted.crisis and not retracted.state["risk"]["open"]
    assert not cat.crisis and "Are you safe right now?" not in cat.reply


def test_after_a_retraction_a_new_crisis_message_gets_the_crisis_answer_at_once():
    crisis, = _talk(["I want to end my life"])
    _, again = _talk(["I'm safe, you misunderstood", "I'm going to kill myself tonight"], crisis.state)
    assert again.crisis and again.level == "method_intent_plan"


def test_a_distress_message_gets_support_without_the_crisis_box():
    turn, = _talk(["Work has been so stressful and I keep crying after my shifts, I feel like I'm failing"])
    assert not turn.crisis and turn.crisis_reply is None and turn.level == "distress"
    assert "talk to someone any time" in turn.reply and turn.safety_event["type"] == "distress_noted"
