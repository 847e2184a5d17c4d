"""The trained second detector: a linear model over hashed n-grams, weights shipped as JSON.

Two heads, both logistic regression trained by `training.py` (scikit-learn, dev only):
- crisis: P(crisis | message); above the shipped threshold the message is flagged;
- category: which of the five crisis categories, used when the rules did not fire.
Inference is a sparse dot product in pure Python, so the API Lambda needs no numpy. The
weights are read on first use and cached, never at import, to keep cold starts quick.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from emotecare.safety.features import FEATURE_DIM, extract_features

WEIGHTS_PATH = Path(__file__).with_name("model_weights.json")


@dataclass(frozen=True)
class ModelVerdict:
    """The model's reading of one message: crisis probability, flag and likeliest category."""

    score: float
    crisis: bool
    category: str | None


class LinearSafetyModel:
    """Score messages with the exported weights (see `training.export_weights` for the format)."""

    def __init__(self, weights: dict):
        if weights["feature_dim"] != FEATURE_DIM:
            raise ValueError("model weights were trained with a different feature size")
        self.threshold: float = weights["threshold"]
        self.classes: list[str] = weights["classes"]
        self._crisis_bias: float = weights["crisis_bias"]
        self._category_bias: list[float] = weights["category_bias"]
        # One row per bucket seen in training: [crisis weight, one weight per category].
        self._rows: dict[int, list[float]] = {int(k): v for k, v in weights["rows"].items()}

    def predict(self, text: str) -> ModelVerdict:
        """Return the crisis score, whether it passes the threshold, and the likeliest category."""
        features = extract_features(text)
        logits = [self._crisis_bias, *self._category_bias]
        for bucket, value in features.items():
            row = self._rows.get(bucket)
            if row:
                for i, weight in enumerate(row):
                    logits[i] += weight * value
        score = 1.0 / (1.0 + math.exp(-logits[0]))
        category_logits = logits[1:]
        category = self.classes[category_logits.index(max(category_logits))]
        return ModelVerdict(score=score, crisis=score >= self.threshold, category=category)


@lru_cache(maxsize=1)
def load_model(path: Path = WEIGHTS_PATH) -> LinearSafetyModel:
    """Return the shipped model, read from `model_weights.json` once per process."""
    with Path(path).open(encoding="utf-8") as handle:
        return LinearSafetyModel(json.load(handle))
