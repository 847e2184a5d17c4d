"""Graded risk, modelled on the Columbia screener (C-SSRS): which level a message shows.

Levels, least to most urgent (identifiers are part of the API: safety events and chat answers
carry them, and the therapist's alerts are chosen from them in `emotecare/escalation`):

- `none`: nothing of concern;
- `distress`: stress, sadness, worry, hurt: support, no alert (counted for the weekly report);
- `passive_ideation`: a wish to be dead or not wake up (C-SSRS question 1);
- `active_ideation`: thoughts of killing oneself or of harming someone (question 2);
- `method_intent_plan`: a method, an intent or a plan (questions 3-5: "I'm going to", pills, tonight);
- `behaviour_or_danger`: something done or happening now (question 6: took pills, cut myself,
  he is hitting me, a medical emergency).

The first four cut-offs come from two learnt heads in the model file: the crisis head decides
crisis (passive and above) or not, the distress head decides distress or none. Among crises,
the grade is read from the words themselves (`grade_crisis`): the category head says abuse or a
medical emergency (danger now), and C-SSRS's own cues (behaviour, method/plan/intent, active
thoughts) are looked for clause by clause, with a negation just before a cue taking it back.
What is left is passive ideation. Docs with examples: docs/safety-levels.md.
"""
from __future__ import annotations

import re

from emotecare.safety import fragments
from emotecare.safety.features import MAX_CHARS, fold_text

NONE = "none"
DISTRESS = "distress"
PASSIVE_IDEATION = "passive_ideation"
ACTIVE_IDEATION = "active_ideation"
METHOD_INTENT_PLAN = "method_intent_plan"
BEHAVIOUR_OR_DANGER = "behaviour_or_danger"
LEVELS = (NONE, DISTRESS, PASSIVE_IDEATION, ACTIVE_IDEATION, METHOD_INTENT_PLAN, BEHAVIOUR_OR_DANGER)
CRISIS_LEVELS = LEVELS[2:]

_CLAUSE_BREAK = re.compile(r"[.!?;,:\n]+|\bbut\b")
_NEGATION = {"not", "never", "no", "dont", "wont", "didnt", "wouldnt", "cant", "isnt", "arent", "nor", "havent"}
NEGATION_WINDOW = 4
_SELF = r"(?:myself|my self|me)"
# C-SSRS question 6: something done, or danger happening now.
_BEHAVIOUR = re.compile(
    r"\b(?:took|taken|swallowed|downed|overdosed|od d|ate) (?:\w+ ){0,3}(?:pills|tablets|paracetamol|tylenol|"
    r"meds|medication|sleeping pills|bottle)\b|\boverdosed\b|\b(?:cut|cutting|burned|burning|hurt|hurting|hit|"
    rf"hitting|harmed|harming) {_SELF}\b|\bi (?:tried|attempted) to (?:kill|hang|end)\b|\bself harm(?:ed|ing)? "
    r"(?:again|tonight|today|last night)\b|\bmy self harm\b|\bi (?:am|m) (?:standing|sitting) on (?:the )?"
    r"(?:edge|bridge|roof|ledge)\b|\b(?:is|keeps) (?:hitting|choking|strangling|beating|hurting) me\b|"
    r"\b(?:bleeding|cant breathe|not breathing|unconscious|wont wake up)\b|\bhe (?:has|s got) a (?:gun|knife)\b")
# C-SSRS questions 3-5: a method, an intent ("I'm going to"), a plan, a time.
_METHOD_INTENT_PLAN = re.compile(
    r"\b(?:going to|gonna|will|about to|ready to|decided to|planning to|plan to) (?:kill|end|hang|shoot|hurt|"
    r"cut|overdose|jump|off)\b|\b(?:a|my|the) (?:plan|note|letter) (?:\w+ ){0,8}(?:die|kill|end|suicide)\b|"
    r"\b(?:kill|end|hang|shoot) (?:\w+ ){0,8}(?:tonight|tomorrow|this weekend|when they leave|on friday)\b|"
    r"\b(?:i|ive|i have|i am|im) (?:have |got |been )?(?:got|bought|saved|stockpiled|hoarded|hoarding|saving) "
    r"(?:\w+ ){0,2}(?:pills|rope|gun|knife|blade|blades|razor|tablets)\b|"
    r"\b(?:going to|gonna|will|about to) (?:take|swallow) (?:them all|all of them|them tonight|all my|every|the whole)\b|\b(?:jump off|hang myself|shoot myself|slit my|overdose on|wrote (?:a|my) "
    r"(?:note|goodbye)|goodbye letter|saying goodbye|this is goodbye|last (?:message|goodbye))\b|"
    r"\bhow (?:many|much) (?:\w+ ){0,2}(?:to die|would kill|is lethal)\b")
# C-SSRS question 2: thoughts of killing oneself (or harming someone), without method or intent.
_ACTIVE = re.compile(
    r"\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting) (?:myself|my self)\b|\bsuicid\w*|"
    r"\bend (?:my life|it all|things|my own life)\b|\btake my (?:own )?life\b|\bself harm\w*|"
    r"\b(?:kill|hurt|stab|shoot) (?:him|her|them|someone|somebody|my \w+)\b|\bend it\b")

# C-SSRS question 1: a wish to be dead, to not wake up, to disappear.
_PASSIVE = re.compile(
    r"\b(?:want|wanna|wish|wishing|ready|going|rather|prefer) (?:\w+ ){0,2}(?:to )?(?:die|be dead|not be alive|"
    r"disappear|not exist|not wake up|be gone)\b|\bbetter off (?:dead|without me|if i (?:was|were) (?:gone|dead))\b|"
    r"\b(?:dont|do not|no) (?:want|reason|point) (?:to |in )?(?:live|living|be alive|be here|exist|wake up|go on)\b|"
    r"\bwish i (?:was|were|had) (?:dead|never born|not alive|gone|died|never been born)\b|\b(?:never|not) wake up\b|"
    r"\bcant (?:go on|do this anymore|take (?:it|this) anymore|keep going)\b|\bgive up on (?:life|everything|living)\b|"
    r"\bno point (?:in )?(?:living|anymore|going on|to life)\b|\bdisappear (?:forever|permanently)\b|"
    r"\bdie in my sleep\b|\b(?:tired|sick) of (?:living|being alive|life)\b|\bwant out\b|\bnot be here\b|"
    r"\bno way out\b|\bwant (?:it|everything) to (?:end|stop)\b")


def has_risk_cue(text: str) -> bool:
    """True when any C-SSRS cue (a wish to be dead up to behaviour or danger) stands in `text`, not negated.

    The second stage for long texts (`check.py`): a long personal text is flagged on the model's
    score only when it also says something of this kind, or when the model is very sure.
    Like the features, a text over 4,000 characters is read as its first and last 2,000.
    """
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS // 2] + "\n" + text[-MAX_CHARS // 2:]
    for clause in _CLAUSE_BREAK.split(text.lower()):
        folded = fold_text(clause)
        for pattern in (_BEHAVIOUR, _METHOD_INTENT_PLAN, _ACTIVE, _PASSIVE):
            if any(not _negated(folded, match) for match in pattern.finditer(folded)):
                return True
    return False


def grade_crisis(text: str, category: str | None) -> str:
    """Return the crisis level of a message already judged a crisis (passive ideation or above)."""
    if category in (fragments.MEDICAL_EMERGENCY, fragments.ABUSE):
        return BEHAVIOUR_OR_DANGER
    found = set()
    for clause in _CLAUSE_BREAK.split(text.lower()):
        folded = fold_text(clause)
        for level, pattern in ((BEHAVIOUR_OR_DANGER, _BEHAVIOUR), (METHOD_INTENT_PLAN, _METHOD_INTENT_PLAN),
                               (ACTIVE_IDEATION, _ACTIVE)):
            if any(not _negated(folded, match) for match in pattern.finditer(folded)):
                found.add(level)
    for level in (BEHAVIOUR_OR_DANGER, METHOD_INTENT_PLAN, ACTIVE_IDEATION):
        if level in found:
            return level
    if category == fragments.HARM_TO_OTHERS:
        return ACTIVE_IDEATION
    return PASSIVE_IDEATION


def is_crisis_level(level: str | None) -> bool:
    return level in CRISIS_LEVELS


def more_urgent(first: str, second: str) -> str:
    """Return whichever of two levels is the more urgent."""
    return first if LEVELS.index(first) >= LEVELS.index(second) else second


def _negated(folded: str, match: re.Match) -> bool:
    before = folded[:match.start()].split()[-NEGATION_WINDOW:]
    return any(word in _NEGATION for word in before)
