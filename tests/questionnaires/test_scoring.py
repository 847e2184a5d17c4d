"""PHQ-9 and GAD-7 scoring at every band edge, item 9, and input validation."""
from datetime import datetime, timedelta

import pytest

from emotecare.questionnaires import (GAD7, PHQ9, UnknownInstrumentError, ValidationError, find_due_status,
                                      get_instrument, score_answers, validate_cadence)


def _answers_totalling(total: int, count: int, keep_last_zero: bool = False) -> list[int]:
    """Spread `total` over `count` items (0-3 each), optionally leaving the last item at 0."""
    answers = [0] * count
    slots = range(count - 1) if keep_last_zero else range(count)
    remaining = total
    for i in slots:
        answers[i] = min(3, remaining)
        remaining -= answers[i]
    assert remaining == 0
    return answers


@pytest.mark.parametrize("total, band", [
    (0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"), (14, "moderate"),
    (15, "moderately severe"), (19, "moderately severe"), (20, "severe"), (24, "severe"),
])
def test_phq9_total_falls_in_the_published_band_at_each_edge(total, band):
    result = score_answers("phq9", _answers_totalling(total, 9, keep_last_zero=True))
    assert result.total == total
    assert result.severity == band
    assert result.crisis is False


def test_phq9_maximum_score_is_27_and_severe():
    result = score_answers("phq9", [3] * 9)
    assert (result.total, result.severity) == (27, "severe")


@pytest.mark.parametrize("total, band", [
    (0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"), (14, "moderate"),
    (15, "severe"), (21, "severe"),
])
def test_gad7_total_falls_in_the_published_band_at_each_edge(total, band):
    result = score_answers("gad7", _answers_totalling(total, 7))
    assert (result.total, result.severity) == (total, band)
    assert result.crisis is False


@pytest.mark.parametrize("item9", [1, 2, 3, "Several days", "Nearly every day"])
def test_phq9_item9_any_answer_but_not_at_all_starts_the_crisis_flow(item9):
    result = score_answers("phq9", [0] * 8 + [item9])
    assert result.crisis is True
    assert "item 9" in result.crisis_reason
    assert result.severity == "minimal"  # the flag does not depend on the total


def test_phq9_item9_not_at_all_is_not_a_crisis_even_when_severe():
    result = score_answers("phq9", [3] * 8 + ["Not at all"])
    assert result.crisis is False and result.severity == "severe"


def test_gad7_has_no_crisis_item():
    assert score_answers("gad7", [3] * 7).crisis is False


def test_items_and_options_are_the_exact_published_wording():
    assert len(PHQ9.items) == 9 and len(GAD7.items) == 7
    assert PHQ9.items[8] == "Thoughts that you would be better off dead or of hurting yourself in some way"
    assert PHQ9.items[0] == "Little interest or pleasure in doing things"
    assert GAD7.items[1] == "Not being able to stop or control worrying"
    assert PHQ9.options == ("Not at all", "Several days", "More than half the days", "Nearly every day")
    assert GAD7.options == PHQ9.options


@pytest.mark.parametrize("answers", [[0] * 8, [0] * 10, []])
def test_wrong_number_of_answers_names_the_answers_field(answers):
    with pytest.raises(ValidationError) as info:
        score_answers("phq9", answers)
    assert info.value.field == "answers"


@pytest.mark.parametrize("bad, index", [(4, 3), (-1, 0), (True, 6), ("often", 2), (1.5, 5), (None, 1)])
def test_out_of_range_or_wrong_type_answer_names_its_position(bad, index):
    answers = [0] * 7
    answers[index] = bad
    with pytest.raises(ValidationError) as info:
        score_answers("gad7", answers)
    assert info.value.field == f"answers[{index}]"


def test_answers_must_be_a_list():
    with pytest.raises(ValidationError) as info:
        score_answers("gad7", "0000000")
    assert info.value.field == "answers"


def test_unknown_questionnaire_is_a_specific_error():
    with pytest.raises(UnknownInstrumentError):
        get_instrument("beck")


def test_form_renders_to_plain_data():
    form = get_instrument("PHQ-9").to_dict()
    assert form["max_score"] == 27
    assert form["options"][3] == {"value": 3, "label": "Nearly every day"}


NOW = datetime(2026, 3, 2, 12, 0)


def test_never_completed_is_due_now():
    status = find_due_status(NOW, last_completed_at=None)
    assert status.due and status.reason == "never_completed"


def test_due_again_every_two_weeks_by_default():
    assert not find_due_status(NOW, NOW - timedelta(days=13)).due
    status = find_due_status(NOW, NOW - timedelta(days=14))
    assert status.due and status.reason == "cadence"


def test_therapist_cadence_changes_the_due_date():
    assert find_due_status(NOW, NOW - timedelta(days=7), cadence_days=7).due
    assert not find_due_status(NOW, NOW - timedelta(days=20), cadence_days=28).due


def test_due_before_a_first_session_when_the_baseline_is_stale():
    first = NOW + timedelta(days=2)
    fresh = find_due_status(NOW, NOW - timedelta(days=5), first_session_at=first)
    assert not fresh.due  # a baseline from a week before the session is current
    stale = find_due_status(NOW, NOW - timedelta(days=30), cadence_days=56, first_session_at=first)
    assert stale.due and stale.reason == "before_first_session"


@pytest.mark.parametrize("bad", [0, 3, 91, "14", 14.0, True])
def test_cadence_outside_a_week_to_three_months_is_rejected(bad):
    with pytest.raises(ValidationError) as info:
        validate_cadence(bad)
    assert info.value.field == "cadence_days"


def test_item9_builds_the_crisis_reply_and_a_questionnaire_safety_event():
    from emotecare.questionnaires import build_item9_crisis
    reply, event = build_item9_crisis(score_answers("phq9", [1] * 9), country="US", now=NOW)
    assert "988" in reply.text and event["source"] == "questionnaire" and event["item9"] == 1
    assert build_item9_crisis(score_answers("phq9", [0] * 9)) == (None, None)
