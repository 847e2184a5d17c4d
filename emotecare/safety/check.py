"""`check_message`: the rule set as a floor, the trained model as a second detector.

A message is a crisis when the rules OR the model say so, with one exception: when the rules
found a risk phrase and explained it away by reading its context (a denial, a figure of
speech, past risk, talk about the topic), the model is not asked. Its n-grams see "hurt
myself" in "I'm not going to hurt myself" without the grammar around it; the rules read it.

The rules explain themselves (their evidence names the words), so when they fire their
verdict and category stand. When only the model fires, the category comes from its own
category head (trained on the labelled crisis messages) and the evidence says it was the
model, with its score, so a therapist reading the safety event knows why.
"""
from __future__ import annotations

from emotecare.safety.model import load_model
from emotecare.safety.rules import NO_RISK, SafetyResult, read_rules


def check_message(text: str) -> SafetyResult:
    """Classify one message; `crisis` is True when it shows risk to the writer or others now."""
    if not text or not text.strip():
        return NO_RISK
    ruled, explained_away = read_rules(text)
    if ruled.crisis or explained_away:
        return ruled
    verdict = load_model().predict(text)
    if not verdict.crisis:
        return NO_RISK
    return SafetyResult(crisis=True, category=verdict.category, categories=(verdict.category,),
                        evidence=(f"trained model: crisis probability {verdict.score:.2f}",))
