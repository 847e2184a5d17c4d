"""The headline reading: the last few seconds, newest first, and honest when unsure."""
from __future__ import annotations

from emotecare.pipeline.reading import (NEWEST_AT_MOST_S, RECENT_WINDOW_S, UNCERTAIN_BELOW, is_confident, read_now,
                                         remember)
from emotecare.pipeline.smoothing import Observation, SmoothingRules, fold

LABELS = ("angry", "disgust", "fear", "happy", "neutral", "sad", "surprise")


def sure(label: str, p: float = 0.9) -> dict:
    rest = (1 - p) / (len(LABELS) - 1)
    return {k: (p if k == label else rest) for k in LABELS}


def frames(*steps, start_ms: int = 0, every_ms: int = 500) -> list[dict]:
    recent = []
    for i, probabilities in enumerate(steps):
        recent = remember(recent, start_ms + i * every_ms, probabilities)
    return recent


def test_a_clear_face_is_named_with_its_window():
    reading = read_now(frames(*[sure("happy")] * 4))
    assert reading["state"] == "expression" and reading["expression"] == "happy"
    assert reading["window_s"] == RECENT_WINDOW_S and reading["confidence"] > 0.8


def test_the_headline_follows_a_change_within_two_frames():
    recent = frames(*[sure("happy")] * 6, sure("sad"), sure("sad"))
    assert read_now(recent)["expression"] == "sad"


def test_a_change_to_a_moderately_sure_expression_is_named_from_the_two_newest_frames():
    # The older frames' expression must not dilute how sure the newest ones are: their
    # disagreement is what `agreement` measures, once.
    recent = frames(*[sure("happy", 0.95)] * 6, sure("sad", UNCERTAIN_BELOW + 0.07),
                    sure("sad", UNCERTAIN_BELOW + 0.07))
    reading = read_now(recent)
    assert reading["state"] == "expression" and reading["expression"] == "sad"
    assert reading["confidence"] == round(UNCERTAIN_BELOW + 0.07, 3)


def test_one_odd_frame_never_names_the_odd_expression():
    reading = read_now(frames(*[sure("happy")] * 5, sure("angry")))
    assert reading["expression"] != "angry"


def test_low_top_probability_is_uncertain_and_names_nothing():
    reading = read_now(frames(*[sure("fear", UNCERTAIN_BELOW - 0.1)] * 4))
    assert reading["state"] == "uncertain" and reading["expression"] is None


def test_recent_frames_that_disagree_are_mixed():
    reading = read_now(frames(sure("happy"), sure("sad"), sure("happy"), sure("sad"),
                              sure("happy"), sure("sad")))
    assert reading["state"] == "mixed" and reading["expression"] is None


def test_frames_without_a_face_read_as_no_face_in_view():
    reading = read_now(frames(*[sure("happy")] * 4, None, None, None))
    assert reading["state"] == "no_face" and reading["expression"] is None


def test_frames_older_than_the_window_are_forgotten():
    recent = frames(*[sure("happy")] * 20)
    assert len(recent) == int(RECENT_WINDOW_S * 1000 / 500) + 1  # the newest and those within the window


def test_fold_keeps_the_recent_frames_in_the_feed_state():
    observations = [Observation(i * 500, True, sure("surprise")) for i in range(4)]
    state = fold({}, observations, SmoothingRules())
    assert read_now(state["smoothed"]["recent"])["expression"] == "surprise"


def test_two_frames_sent_at_once_after_a_change_name_it_over_the_older_frames():
    # frames.js sends a change at once: the changed frame and one ~0.15 s later, right after
    # a regular frame of the old expression; by weight the old frames still hold the majority.
    recent = frames(*[sure("happy")] * 4, every_ms=500)
    recent = remember(recent, 1_700, sure("happy"))
    recent = remember(recent, 1_800, sure("sad"))
    recent = remember(recent, 1_950, sure("sad"))
    reading = read_now(recent)
    assert reading["state"] == "expression" and reading["expression"] == "sad"
    assert reading["agreement"] < 0.7


def test_when_the_newest_frame_is_old_the_camera_stopped_and_nothing_is_named():
    recent = frames(*[sure("happy")] * 4)  # the newest at 1.5 s
    assert read_now(recent, now_ms=1_500 + 1_000)["expression"] == "happy"
    stale = read_now(recent, now_ms=1_500 + int(NEWEST_AT_MOST_S * 1000) + 1)
    assert stale["state"] == "starting" and stale["expression"] is None and stale["frames"] == 0


def test_frames_from_before_the_switch_on_never_make_a_headline():
    recent = frames(*[sure("happy")] * 4, sure("sad"), start_ms=0)  # happy until 1.5 s, sad at 2 s
    assert read_now(recent, now_ms=2_100, since_ms=1_800)["state"] == "expression"
    assert read_now(recent, now_ms=2_100, since_ms=1_800)["expression"] == "sad"
    assert read_now(recent, now_ms=2_100, since_ms=2_050)["state"] == "starting"


def test_before_any_frame_the_reading_is_starting():
    assert read_now([], now_ms=10_000)["state"] == "starting"


def test_one_definition_of_a_confident_frame():
    assert is_confident(sure("happy", UNCERTAIN_BELOW))
    assert not is_confident(sure("happy", UNCERTAIN_BELOW - 0.01))
    assert not is_confident(None)
