"""From the classifier's seven probabilities to a dominant expression and a valence score.

Valence is the probability-weighted mean of a fixed score per expression, in [-1, +1]:

    happy +1.0 · surprise +0.2 · neutral 0.0 · sad -0.8 · fear -0.8 · angry -0.9 · disgust -0.9

The scores follow the circumplex model of affect (Russell 1980), where happiness is the
clearly pleasant pole, surprise is mildly pleasant on average (it is ambiguous in FER2013),
and anger/disgust are slightly more unpleasant than sadness/fear. A face that is half happy
and half sad therefore scores (1.0 - 0.8) / 2 = +0.1. Labels the model does not know are
ignored; the score is renormalised over the known ones.
"""
from __future__ import annotations

from typing import Mapping

VALENCE_BY_EXPRESSION = {
    "happy": 1.0,
    "surprise": 0.2,
    "neutral": 0.0,
    "sad": -0.8,
    "fear": -0.8,
    "angry": -0.9,
    "disgust": -0.9,
}


def valence_of(probabilities: Mapping[str, float]) -> float:
    """Probability-weighted valence in [-1, +1] (0.0 when no known label has mass)."""
    known = {label: p for label, p in probabilities.items() if label in VALENCE_BY_EXPRESSION}
    total = sum(known.values())
    if total <= 0:
        return 0.0
    score = sum(VALENCE_BY_EXPRESSION[label] * p for label, p in known.items()) / total
    return max(-1.0, min(1.0, score))


def dominant_of(probabilities: Mapping[str, float]) -> tuple[str, float]:
    """The most probable expression and its probability."""
    label = max(probabilities, key=probabilities.__getitem__)
    return label, float(probabilities[label])
