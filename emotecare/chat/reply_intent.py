"""What a short reply to the bot means: accept, decline, or something else (off-script).

A small learnt model, the crisis check's family (hashed word and character n-grams, a logistic
regression), trained by `emotecare_dev/safety/reply_intents.py` on the written replies in
`data/safety/chat_replies.tsv` and shipped as `reply_intents.json` (bucket weights only, no text).
The chat reads with it whether "No thanks, I don't want a check-in" declines the exercise in
progress, whether "sure, let's do it" takes up an offer, and whether an answer is off-script
(the person wants to talk about something else), instead of a list of patterns.
Pure Python: the API Lambda ships no numpy.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from emotecare.safety.features import FEATURE_SPEC, extract_features

MODEL_PATH = Path(__file__).with_name("reply_intents.json")
INTENT_DIM = 2 ** 12  # the crisis features' buckets folded down: a few hundred replies need no more
ACCEPT, DECLINE, OTHER = "accept", "decline", "other"


@dataclass(frozen=True)
class ReplyIntent:
    intent: str
    confidence: float


class ReplyIntentModel:
    def __init__(self, exported: dict):
        if exported.get("feature_spec") != FEATURE_SPEC or exported.get("dim") != INTENT_DIM:
            raise ValueError("reply intent model was trained on other features")
        self.classes: list[str] = exported["classes"]
        self._bias: list[float] = exported["bias"]
        self._weights: list[list[float]] = exported["weights"]

    def classify(self, text: str) -> ReplyIntent:
        features = fold_features(text)
        logits = [bias + sum(weights[b] * v for b, v in features.items())
                  for bias, weights in zip(self._bias, self._weights)]
        top = max(logits)
        exps = [math.exp(l - top) for l in logits]
        best = logits.index(top)
        return ReplyIntent(self.classes[best], exps[best] / sum(exps))


def fold_features(text: str) -> dict[int, float]:
    """The crisis check's hashed features, folded into `INTENT_DIM` buckets."""
    folded: dict[int, float] = {}
    for bucket, value in extract_features(text).items():
        folded[bucket % INTENT_DIM] = folded.get(bucket % INTENT_DIM, 0.0) + value
    return folded


@lru_cache(maxsize=1)
def load_reply_intents(path: Path = MODEL_PATH) -> ReplyIntentModel:
    with Path(path).open(encoding="utf-8") as handle:
        return ReplyIntentModel(json.load(handle))


def classify_reply(text: str) -> ReplyIntent:
    """Return what `text` means as a reply to the bot's last question or offer."""
    return load_reply_intents().classify(text)
