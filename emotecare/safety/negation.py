"""Negation: whether a denial governs a risk phrase ("I'm not going to hurt myself").

A denial only reaches forward within its clause and is cut off by a new subject ("I'm not
okay and I want to die"); some negations are distress, not denial ("I can't stop thinking
about killing myself", "why shouldn't I").
"""
from __future__ import annotations

import re

NEGATION = re.compile(
    r"\b(?:no (?:\w+ )?thoughts?|no (?:\w+ )?(?:ideation|intent|intentions|plans?|urges?|wish)|free (?:of|from)|"
    r"not|never|nor|without|no longer|no way|no intention|no intentions|no plans?|no desire|"
    r"no urge|no urges|stopped|quit|refuse to|refused to|nothing could make me|zero chance)\b")
# Words after a negation that turn it into distress rather than denial:
# "can't stop thinking about killing myself", "why shouldn't I just end it".
NEGATION_CANCELLED = re.compile(
    r"^(?:not|never|without) (?:\w+ )?(?:stop|stopping|help|sure|know|care|see|afraid|scared|mind|get|"
    r"shake|escape|handle|cope|bear|take|wait|resist|fight|control|believe|understand|"
    r"think straight|go on|keep|want to live|want to be here|want to be alive|seem to)\b")
WHY_NOT = re.compile(r"\bwhy (?:\w+ )?not\b|\bwhy (?:should|would|do|could) i not\b|\bwhat is stopping me\b")
# A new subject or a joined clause ends a negation's reach: "I'm not ok and I want to die".
# "I never said I wanted to hurt anyone": a denial that reaches over the new subject.
DENIED_SAYING = re.compile(r"\b(?:never|not|did not|do not) (?:said|say|mean|meant|claimed|claim)\b|"
                            r"\b(?:no way|no chance|zero chance|not a chance|never in a million years)(?: that)? i\b|"
                            r"\bnever have i(?: ever)?\b")
DENIED_AFTER = re.compile(
    r"^(?: \w+){0,3}? (?:has|have|had) never (?:crossed|entered|occurred|been)|^(?: \w+){0,3}? (?:is|was) "
    r"(?:not|never) (?:something|an option|on the table|on my mind)|^(?: \w+){0,2}? is off the table")
# Phrases whose meaning needs a preceding "no": "no reason to live", "no way out".
NEEDS_NO = re.compile(r"(?:reason|point|purpose|will|way|one|hope|future|escape|other way)\b")
SCOPE_BREAK = re.compile(r"\b(?:i|and|so|because|then|until|unless|if|when|now|since|yet)\b")
AMBIVALENCE = re.compile(
    r"\b(?:sometimes|part of me|tempted|think about it|thought about it|thinking about it|the thought|"
    r"not sure|might|some days|do not know how much longer|i could|i still|i keep|the urge|urges)\b")


def is_negated(before: str, matched: str = "") -> bool:
    """Return True when a denial governs the words that follow `before`."""
    tail = " ".join(before.split()[-7:])
    if WHY_NOT.search(tail):
        return False
    if DENIED_SAYING.search(tail):
        return True
    if re.search(r"\b(?:no|zero|denies|deny|denied)$", tail) and not NEEDS_NO.match(matched):
        return True  # "no thoughts of suicide", "denies suicidal ideation"
    cues = list(NEGATION.finditer(tail))
    if not cues:
        return False
    cue = cues[-1]
    scope = tail[cue.start():]
    if NEGATION_CANCELLED.search(scope):
        return False
    if re.match(r"(?:care|cares|mind|matter)\b", matched) and re.search(r"\b(?:not|never)(?: even| really)?$", tail):
        return False  # "I don't care if I live or die" is the risk, not a denial of it
    return not SCOPE_BREAK.search(tail[cue.end():])
