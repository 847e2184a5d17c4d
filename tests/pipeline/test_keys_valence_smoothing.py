"""Batch keys, the valence mapping and the feed's smoothing, without any AWS."""
from __future__ import annotations

import pytest

from emotecare.pipeline.keys import BadBatchKeyError, new_batch_key, parse_batch_key
from emotecare.pipeline.smoothing import Observation, SmoothingRules, current_view, fold
from emotecare.pipeline.valence import VALENCE_BY_EXPRESSION, valence_of

SESSION, PATIENT = "0b6c2d1e-1111-4222-8333-444455556666", "a1b2c3d4-aaaa-bbbb-cccc-ddddeeeeffff"
HAPPY = {"angry": 0.0, "disgust": 0.0, "fear": 0.0, "happy": 0.9, "neutral": 0.1, "sad": 0.0, "surprise": 0.0}
SAD = {"angry": 0.05, "disgust": 0.0, "fear": 0.05, "happy": 0.0, "neutral": 0.1, "sad": 0.8, "surprise": 0.0}


def test_granted_key_parses_back_to_its_parts():
    key = new_batch_key(SESSION, PATIENT)
    assert key.key.startswith(f"frames/{SESSION}/{PATIENT}/") and key.key.endswith(".ecb")
    assert parse_batch_key(key.key) == key


@pytest.mark.parametrize("key", [
    f"frames/{SESSION}/{PATIENT}/x.ecb",
    f"frames/{SESSION}/{PATIENT}/{'a' * 32}.jpg",
    f"frames/{SESSION}/{'a' * 32}.ecb",
    f"frames/{SESSION}/../{PATIENT}/{'a' * 32}.ecb",
    f"other/{SESSION}/{PATIENT}/{'a' * 32}.ecb",
])
def test_keys_outside_the_layout_are_refused(key):
    with pytest.raises(BadBatchKeyError):
        parse_batch_key(key)


def test_valence_is_weighted_by_probability_and_bounded():
    assert valence_of({"happy": 1.0}) == 1.0
    assert valence_of({"happy": 0.5, "sad": 0.5}) == pytest.approx(0.1)
    assert valence_of(SAD) < -0.6
    assert all(-1 <= v <= 1 for v in VALENCE_BY_EXPRESSION.values())


def _stream(probabilities, seconds: float, start_ms: int = 0, fps: int = 2):
    return [Observation(start_ms + int(i * 1000 / fps), True, probabilities)
            for i in range(int(seconds * fps))]


def test_one_odd_frame_does_not_flip_the_smoothed_expression():
    state = fold({}, _stream(HAPPY, 10) + [Observation(10_000, True, SAD)], SmoothingRules())
    assert current_view(state["smoothed"])["expression"] == "happy"


def test_face_share_counts_frames_without_a_face():
    obs = [Observation(i * 500, i % 2 == 0, HAPPY if i % 2 == 0 else None) for i in range(60)]
    view = current_view(fold({}, obs, SmoothingRules())["smoothed"])
    assert 0.35 < view["face_share"] < 0.65


def test_sustained_negative_valence_is_flagged_once_with_its_span():
    rules = SmoothingRules(threshold=-0.3, sustain_s=30)
    obs = _stream(HAPPY, 10) + _stream(SAD, 60, start_ms=10_000) + _stream(HAPPY, 20, start_ms=70_000)
    state = {}
    for start in range(0, len(obs), 7):  # folded in small pieces, as successive polls do
        state = fold(state, obs[start:start + 7], rules)
    assert len(state["episodes"]) == 1
    episode = state["episodes"][0]
    assert episode["start"] < episode["end"]
    assert episode["start"].startswith("1970-01-01T00:00:1")  # began ~10-20 s in


def test_short_dip_is_not_distress():
    rules = SmoothingRules(sustain_s=30)
    state = fold({}, _stream(SAD, 20) + _stream(HAPPY, 30, start_ms=20_000), rules)
    assert state["episodes"] == []
