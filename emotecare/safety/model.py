"""The crisis check's main detector: a logistic model over hashed n-grams, shipped as one JSON file.

Three heads trained by `training.py` (scikit-learn, dev only):
- crisis: P(at risk | message); at or above the file's threshold the message is flagged;
- category: which of the five crisis categories is likeliest, for the reply and helplines;
- distress: P(the writer is stressed or hurting | message), for messages that are not a crisis:
  at or above its threshold the level is `distress` (support, no alert), else `none`.
A crisis is decided in two stages, as chosen by cross-validation on train (`training.py`): a
message under `long_text_chars` is a crisis when its score reaches the threshold; a longer one
(a journal entry, a post about one's life) also needs one of the C-SSRS cues
(`levels.has_risk_cue`: a wish to be dead up to behaviour or danger), at the lower
`cue_threshold`, unless the score reaches `sure_threshold`. Long personal texts score high on
personal words alone, which is what made the check flag 7 in 10 therapy-context posts.
The weights are int16 arrays (base64) with one scale per head, so the file stays small and
holds bucket numbers and weights only, no text. Inference is a sparse dot product in pure
Python (the API Lambda ships no numpy). The file is read on first use and cached, not at import.
"""
from __future__ import annotations

import base64
import json
import math
import sys
from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from emotecare.safety.features import FEATURE_DIM, FEATURE_SPEC, extract_features
from emotecare.safety.levels import has_risk_cue

MODEL_PATH = Path(__file__).with_name("crisis_model.json")
SUPPORTED_FORMAT = 3


class ModelFileError(ValueError):
    """The shipped model file does not fit this code: a deploy fault (HTTP 500), never the caller's."""


@dataclass(frozen=True)
class ModelVerdict:
    """The model's reading of one message: crisis probability, flag and, when flagged, the likeliest category."""

    score: float
    crisis: bool
    category: str | None
    distress: bool = False


class CrisisModel:
    """Score messages with an exported model (see `training.export_model` for the format)."""

    def __init__(self, exported: dict):
        if exported.get("format") != SUPPORTED_FORMAT:
            raise ModelFileError(f"crisis model format {exported.get('format')!r} is not {SUPPORTED_FORMAT}")
        if exported.get("feature_spec") != FEATURE_SPEC:
            raise ModelFileError(f"crisis model was trained on features {exported.get('feature_spec')!r}, "
                                 f"this code makes {FEATURE_SPEC!r}")
        self.version: str = exported["version"]
        self.trained_on: dict[str, int] = exported.get("trained_on", {})
        self.threshold: float = exported["threshold"]
        self.classes: list[str] = exported["classes"]
        self._crisis_bias: float = exported["crisis_bias"]
        self._category_bias: list[float] = exported["category_bias"]
        self._heads = [_unpack(head) for head in exported["heads"]]  # crisis head first, then one per class
        self.long_text_chars: int = exported["long_text_chars"]
        self.cue_threshold: float = exported["cue_threshold"]
        self.sure_threshold: float = exported["sure_threshold"]
        self.distress_threshold: float = exported["distress_threshold"]
        self._distress_bias: float = exported["distress_bias"]
        self._distress_head = _unpack(exported["distress_head"])

    def predict(self, text: str) -> ModelVerdict:
        """Return the crisis score, whether it reaches the threshold, and (when it does) the likeliest category."""
        features = extract_features(text)
        (crisis_weights, crisis_scale), *category_heads = self._heads
        logit = self._crisis_bias + crisis_scale * sum(crisis_weights[b] * v for b, v in features.items())
        score = 1.0 / (1.0 + math.exp(-max(min(logit, 50.0), -50.0)))
        if not self.decide(score, text):  # the category heads cost 5x the crisis head: only crises pay for them
            distress_weights, distress_scale = self._distress_head
            distress_logit = self._distress_bias + distress_scale * sum(distress_weights[b] * v for b, v in features.items())
            return ModelVerdict(score=score, crisis=False, category=None,
                                distress=distress_logit >= _logit(self.distress_threshold))
        category_logits = [bias + scale * sum(weights[b] * v for b, v in features.items())
                           for bias, (weights, scale) in zip(self._category_bias, category_heads)]
        category = self.classes[category_logits.index(max(category_logits))]
        return ModelVerdict(score=score, crisis=True, category=category)


    def decide(self, score: float, text: str) -> bool:
        """The two-stage decision: the threshold for short messages, a C-SSRS cue for long ones."""
        if len(text) < self.long_text_chars:
            return score >= self.threshold
        return score >= self.sure_threshold or (score >= self.cue_threshold and has_risk_cue(text))


def _logit(probability: float) -> float:
    return math.log(probability / (1.0 - probability))


def _unpack(head: dict) -> tuple[array, float]:
    raw = base64.b64decode(head["int16_le"])
    if len(raw) != 2 * FEATURE_DIM:
        raise ModelFileError(f"crisis model head holds {len(raw)} bytes of weights, the features need {2 * FEATURE_DIM}")
    weights = array("h")
    weights.frombytes(raw)
    if sys.byteorder == "big":
        weights.byteswap()  # the file is little-endian
    return weights, head["scale"]


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> CrisisModel:
    """Return the shipped model, read from `crisis_model.json` once per process."""
    with Path(path).open(encoding="utf-8") as handle:
        return CrisisModel(json.load(handle))
