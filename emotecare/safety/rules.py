"""The rule set of the safety check: the floor the trained model (`model.py`) builds on.

A pattern from `lexicon.py` that fires is kept unless the words around it show it is not
about the writer's own risk now: a negation in the same clause ("I'm not going to hurt
myself"), a figure of speech ("this meeting makes me want to die lol"), talk about the topic
rather than the self ("a documentary about suicide"), or a risk that is clearly past
("I used to cut, I've been clean two years"). When in doubt it flags: a missed crisis costs
far more than a warm check-in that was not needed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from emotecare.safety import cues, lexicon, negation
from emotecare.safety.normalise import normalise_text, split_clauses


@dataclass(frozen=True)
class SafetyResult:
    """What the check found: whether to answer with the crisis reply, and why."""

    crisis: bool
    category: str | None = None
    evidence: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """Return the JSON-ready form used by the CLI and the safety-event record."""
        return {"crisis": self.crisis, "category": self.category,
                "categories": list(self.categories), "evidence": list(self.evidence)}


NO_RISK = SafetyResult(crisis=False)

def check_rules(text: str) -> SafetyResult:
    """Classify one message by the rules alone; `crisis` is True when a risk phrase stands in context."""
    return read_rules(text)[0]


def read_rules(text: str) -> tuple[SafetyResult, tuple[str, ...]]:
    """Return the rules' verdict and the risk phrases they found but explained away by context.

    The second part lets the trained model defer to the rules on the constructs they read
    word by word: a denial ("I'm not going to hurt myself"), a figure of speech, past risk.
    """
    if not text or not text.strip():
        return NO_RISK, ()
    normal = normalise_text(text)
    clauses = split_clauses(normal)
    found: dict[str, list[str]] = {}
    dismissed: list[str] = []
    for index, clause in enumerate(clauses):
        following = clauses[index + 1] if index + 1 < len(clauses) else ""
        for category, patterns in lexicon.load_patterns().items():
            _collect(category, patterns, clause, following, normal, found, dismissed)
        if cues.MUNDANE.search(normal):
            continue  # "I can't do this anymore, I'm quitting this course"
        for category, patterns in lexicon.load_ambiguous_patterns().items():
            _collect(category, patterns, clause, following, normal, found, dismissed)
    if not found:
        return NO_RISK, tuple(dismissed)
    categories = tuple(c for c in lexicon.CATEGORY_PRIORITY if c in found)
    evidence = tuple(dict.fromkeys(e for c in categories for e in found[c]))
    return SafetyResult(crisis=True, category=categories[0], evidence=evidence, categories=categories), tuple(dismissed)


def _collect(category: str, patterns: list[re.Pattern], clause: str, following: str, message: str,
             found: dict[str, list[str]], dismissed: list[str]) -> None:
    """Sort every hit of `patterns` in `clause` into found (stands) or dismissed (explained away)."""
    for pattern in patterns:
        for match in pattern.finditer(clause):
            if _keeps(category, clause, match, following, message):
                found.setdefault(category, []).append(match.group(0).strip())
            else:
                dismissed.append(match.group(0).strip())


def _denied_act(phrase: str) -> bool:
    """True when the act in an abuse phrase is itself denied: "he is never hit me", "she has not hurt me"."""
    words = phrase.split()
    if len(words) < 3 or words[-1] not in ("me", "us"):
        return False
    before = words[:-2]  # drop the act and its object
    while before and before[-1] in ("ever", "once", "actually", "really", "physically"):
        before.pop()
    return bool(before) and before[-1] in ("never", "not")


def _keeps(category: str, clause: str, match: re.Match, following: str, message: str) -> bool:
    """Decide whether a pattern hit stands once its context is read."""
    if negation.DENIED_AFTER.search(clause[match.end():]):
        return False  # "the thought of killing myself has never crossed my mind"
    # Harm-to-others patterns start at "I ..."; the denial sits inside them ("I never
    # said I wanted to hurt anyone"), so read up to the act itself.
    start = match.start("act") if "act" in match.re.groupindex else match.start()
    before = clause[:start]
    if negation.is_negated(before, match.group(0)):
        # "I'd never do it, but sometimes I think about it" is ambivalence, not denial.
        return bool(following) and bool(negation.AMBIVALENCE.search(following)) and category == lexicon.SUICIDAL_IDEATION
    if cues.HISTORY.search(clause) and cues.RECOVERY.search(message):
        return False
    if cues.ASKED.search(before) and cues.ANSWERED_NO.search(message):
        return False  # "my therapist asked if I'm suicidal and I said no"
    if category in (lexicon.SUICIDAL_IDEATION, lexicon.SELF_HARM) and cues.OTHER_SUBJECT.search(before.rstrip() + " ") \
            and not re.search(r"\b(?:i|me|myself|himself|herself|themselves|his life|her life|their life)\b",
                              match.group(0)):
        return False
    if category == lexicon.SUICIDAL_IDEATION and cues.is_someone_elses_death(clause[: match.end()]):
        return False  # "my plant is going to die", "I hope the villain dies"
    if category == lexicon.SUICIDAL_IDEATION and cues.FEAR_OF_DEATH.search(clause) \
            and re.search(r"\b(?:dying|death|die)\b", match.group(0)) \
            and not re.search(r"\b(?:kill|suicid|end)|^(?:not|no longer|never)\b", match.group(0)):
        return False  # "the thought of dying scares me" is fear of death, not a wish for it
    if category == lexicon.ABUSE and "kill me" in match.group(0) and cues.HUMOUR.search(message):
        return False  # "my sister said she'd kill me if I told mum lol"
    if category == lexicon.ABUSE and cues.ABUSE_OVER.search(message):
        return False  # "I'm relieved my abusive dad died", "I left him years ago and I'm safe now"
    if category == lexicon.ABUSE and _denied_act(match.group(0)):
        return False  # "he's never hit me": the denial sits inside the pattern, before the act
    if category == lexicon.MEDICAL_EMERGENCY and cues.PAST_DATED.search(clause):
        return False  # "in 2015 I overdosed and ended up in ICU"
    if category == lexicon.HARM_TO_OTHERS:
        if cues.SERIOUS.search(message):
            return True  # "if he parks there one more time I'm going to stab him, I'm serious"
        if following and cues.TAKEN_BACK.search(following):
            return False  # "I'll strangle her. (I won't, I love her.)"
        if following and cues.PETTY_GRIEVANCE.search(following):
            return False  # "I'm going to kill my brother, he's used all the hot water again"
        return not (cues.HUMOUR.search(message) or cues.FIGURATIVE_OTHERS.search(clause))
    if category in (lexicon.SUICIDAL_IDEATION, lexicon.SELF_HARM) and cues.is_figurative_self(clause, message, match):
        return False
    if category == lexicon.SUICIDAL_IDEATION and "burden" in match.group(0) and cues.BURDEN_ANSWERED.search(message):
        return False  # "I worry I'm a burden to my son, but he says he doesn't mind"
    if category == lexicon.SUICIDAL_IDEATION and "affairs" in match.group(0) and cues.AFFAIRS_ROUTINE.search(message):
        return False  # "updated my will and put my affairs in order, as one should at my age"
    if category == lexicon.SUICIDAL_IDEATION \
            and (cues.ORDINARY_OCCASION.search(message) or cues.AWAY_FOR_A_REASON.search(message)) and re.search(
            r"goodbye|farewell|last message|final message|make it to|letters? (?:for|to)|\brope\b", match.group(0)):
        return False  # "said my goodbyes at the leaving do, new job starts Monday", "off travelling ... said my goodbyes"
    if category == lexicon.SUICIDAL_IDEATION and "jump" in match.group(0) \
            and cues.RECREATION_JUMP.search(clause[: match.start()] + match.group(0).split(" off")[0]):
        return False  # "I bungee jumped off a bridge in New Zealand"
    if category == lexicon.SUICIDAL_IDEATION and re.search(r"\b(?:be around|be here)\b", match.group(0)) \
            and cues.AWAY_FOR_A_REASON.search(message):
        return False  # "I won't be around next week, I'm off to Spain with the girls"
    if category == lexicon.MEDICAL_EMERGENCY and cues.HUMOUR.search(message) \
            and re.search(r"unconscious|passed out|not moving", match.group(0)):
        return False  # "my friend is unconscious on the sofa after a big night out lol"
    if category == lexicon.MEDICAL_EMERGENCY and cues.is_figurative_breath(clause, match, message):
        return False
    if cues.INFORMATIONAL.search(clause) and not cues.SELF_NOW.search(clause):
        return False
    return True
