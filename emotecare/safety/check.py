"""`check_message`: the trained model, with the short list of explicit phrases beside it, and the level.

A message is a crisis when the model's score reaches its threshold OR a kept phrase stands
(`rules.py`). The phrases name the category they found (an overdose taken is a medical
emergency first); otherwise the category comes from the model's category head. A crisis is then
graded (`levels.grade_crisis`: passive ideation up to behaviour or danger now); a message that is
not a crisis is `distress` when the model's distress head says so, else `none`. The evidence says
which detector fired and why, so a therapist reading the safety event knows.
"""
from __future__ import annotations

from emotecare.safety.levels import DISTRESS, grade_crisis
from emotecare.safety.model import load_model
from emotecare.safety.rules import NO_RISK, SafetyResult, check_rules


def check_message(text: str) -> SafetyResult:
    """Classify one message; `crisis` is True when it shows risk to the writer or others now."""
    if not text or not text.strip():
        return NO_RISK
    ruled = check_rules(text)
    verdict = load_model().predict(text)
    model_says = f"crisis model {load_model().version}: probability {verdict.score:.2f}"
    if ruled.crisis:
        return SafetyResult(crisis=True, category=ruled.category, categories=ruled.categories,
                            evidence=(*ruled.evidence, model_says), score=verdict.score,
                            level=grade_crisis(text, ruled.category))
    if verdict.crisis:
        return SafetyResult(crisis=True, category=verdict.category, categories=(verdict.category,),
                            evidence=(model_says,), score=verdict.score, level=grade_crisis(text, verdict.category))
    if verdict.distress:
        return SafetyResult(crisis=False, level=DISTRESS, score=verdict.score, evidence=(model_says,))
    return SafetyResult(crisis=False, score=verdict.score)
