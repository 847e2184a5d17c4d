"""Summaries and weekly reports count an expression only where the model was sure of it."""
from __future__ import annotations

from types import SimpleNamespace

from emotecare.pipeline.reading import UNCERTAIN_BELOW
from emotecare.reports.stats import emotion_stats

LABELS = ("angry", "disgust", "fear", "happy", "neutral", "sad", "surprise")


class _Map(dict):
    def as_dict(self):
        return dict(self)


def _record(top: str | None, p: float = 0.9):
    if top is None:
        return SimpleNamespace(face_found=False, probabilities=None, dominant=None, valence=None)
    rest = (1 - p) / (len(LABELS) - 1)
    return SimpleNamespace(face_found=True, dominant=top, valence=0.0,
                           probabilities=_Map({k: p if k == top else rest for k in LABELS}))


def test_unsure_frames_are_not_counted_as_their_top_expression_but_shown_beside():
    records = ([_record("happy")] * 4 + [_record("happy", UNCERTAIN_BELOW - 0.3)] * 2
               + [_record("surprise", UNCERTAIN_BELOW)] * 2 + [_record(None)] * 2)

    stats = emotion_stats(records)

    assert stats["expressions"] == {"happy": 0.5, "surprise": 0.25}
    assert stats["uncertain_share"] == 0.25 and stats["face_share"] == 0.8


def test_no_face_at_all_has_no_uncertain_share():
    assert emotion_stats([_record(None)])["uncertain_share"] is None
