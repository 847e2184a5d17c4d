"""Journal entry validation, edits, the safety check on the text, and the weekly trend."""
from datetime import date, datetime, timedelta

import pytest

from emotecare.journal import (MAX_TEXT_CHARS, ValidationError, apply_edit, check_entry_safety,
                               compute_weekly_trend, describe_trend, validate_entry)

MONDAY = datetime(2026, 3, 2, 9, 0)


def test_valid_entry_is_normalised():
    entry = validate_entry({"mood": 6, "tags": ["Anxious", "tired", "anxious"], "text": "ok day",
                            "sleep_hours": 7}, now=MONDAY)
    assert entry.mood == 6 and entry.tags == ("anxious", "tired") and entry.sleep_hours == 7.0
    assert entry.created_at == MONDAY


@pytest.mark.parametrize("data, field", [
    ({"mood": 0}, "mood"), ({"mood": 11}, "mood"), ({"mood": 5.5}, "mood"), ({"mood": "7"}, "mood"),
    ({"mood": True}, "mood"), ({}, "mood"),
    ({"mood": 5, "tags": ["sparkly"]}, "tags"), ({"mood": 5, "tags": "sad"}, "tags"),
    ({"mood": 5, "text": "x" * (MAX_TEXT_CHARS + 1)}, "text"), ({"mood": 5, "text": 42}, "text"),
    ({"mood": 5, "sleep_hours": -1}, "sleep_hours"), ({"mood": 5, "sleep_hours": 24.5}, "sleep_hours"),
    ({"mood": 5, "sleep_hours": "8"}, "sleep_hours"), ({"mood": 5, "colour": "blue"}, "colour"),
    ({"mood": 5, "created_at": "yesterday"}, "created_at"),
])
def test_invalid_entry_names_the_field(data, field):
    with pytest.raises(ValidationError) as info:
        validate_entry(data)
    assert info.value.field == field


def test_too_long_text_is_explained_in_words_for_people():
    with pytest.raises(ValidationError) as info:
        validate_entry({"mood": 5, "text": "x" * 20_000})
    assert str(info.value) == ("Your entry is 20,000 characters long; an entry holds at most 5,000. "
                               "Shorten it, or split it into two entries.")


def test_text_of_exactly_the_limit_and_sleep_edges_are_accepted():
    entry = validate_entry({"mood": 1, "text": "x" * MAX_TEXT_CHARS, "sleep_hours": 0})
    assert validate_entry({"mood": 10, "sleep_hours": 24}).sleep_hours == 24.0
    assert entry.sleep_hours == 0.0


def test_edit_revalidates_and_stamps_the_update():
    entry = validate_entry({"mood": 4, "text": "meh"}, now=MONDAY)
    edited = apply_edit(entry, {"mood": 7}, now=MONDAY + timedelta(hours=1))
    assert edited.mood == 7 and edited.text == "meh" and edited.created_at == MONDAY
    assert edited.updated_at == MONDAY + timedelta(hours=1)
    with pytest.raises(ValidationError):
        apply_edit(entry, {"mood": 12})
    with pytest.raises(ValidationError) as info:
        apply_edit(entry, {"created_at": "2020-01-01T00:00:00"})
    assert info.value.field == "created_at"


def test_crisis_text_in_an_entry_is_flagged_like_a_chat_message():
    entry = validate_entry({"mood": 2, "text": "Rough week. Honestly everyone would be better off without me."})
    assert check_entry_safety(entry).crisis
    calm = validate_entry({"mood": 3, "text": "This exam is killing me but I'll survive."})
    assert not check_entry_safety(calm).crisis


def test_weekly_trend_averages_each_week_and_reports_direction():
    entries = [validate_entry({"mood": m, "sleep_hours": s}, now=MONDAY + timedelta(days=d))
               for m, s, d in [(3, 6, 0), (5, 8, 2), (7, None, 7), (8, 7, 9), (9, 7, 15)]]
    weekly = compute_weekly_trend(entries)
    assert [w.week_start for w in weekly] == [date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16)]
    assert weekly[0].mean_mood == 4.0 and weekly[0].mean_sleep == 7.0 and weekly[0].entries == 2
    assert weekly[1].mean_mood == 7.5 and weekly[1].mean_sleep == 7.0
    assert describe_trend(weekly[:2]) == "improving"
    assert describe_trend(weekly[1:]) == "improving"
    assert describe_trend(weekly[:1]) == "not_enough_data"


def test_weekly_trend_can_be_limited_to_recent_weeks_and_spots_worsening():
    entries = [validate_entry({"mood": m}, now=MONDAY + timedelta(weeks=w)) for m, w in [(8, 0), (8, 4), (5, 5)]]
    weekly = compute_weekly_trend(entries, weeks=2, today=(MONDAY + timedelta(weeks=5, days=3)).date())
    assert len(weekly) == 2
    assert describe_trend(weekly) == "worsening"
    assert compute_weekly_trend([]) == []


def test_crisis_entry_gets_the_same_reply_and_a_journal_safety_event():
    from emotecare.journal import review_entry
    entry = validate_entry({"mood": 1, "text": "I have been saving my pills for a while.", "entry_id": "e1"})
    review = review_entry(entry, country="IN", now=MONDAY)
    assert review.crisis_reply and "14416" in review.crisis_reply.text
    assert review.safety_event["source"] == "journal" and review.safety_event["entry_id"] == "e1"
    calm = review_entry(validate_entry({"mood": 6, "text": "Walked the dog."}))
    assert calm.crisis_reply is None and calm.safety_event is None
