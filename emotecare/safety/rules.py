"""The short reviewed list of explicit crisis phrases, beside the trained model (`model.py`).

The phrases live as data in `crisis_phrases.json`, each with one message it must catch and one
look-alike it must not. Only phrases marked `kept` run: each earned its place by the recall it
adds beyond the model at low false alarms (see `data/safety/README.md` and the model card).
A phrase is read clause by clause, and only its own surroundings can qualify it: a negation
in the few words before it ("i am not going to kill myself") or a joking cue right after it
("... kill myself lol"). Nothing else in the message switches a phrase off.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from emotecare.safety.features import fold_text
from emotecare.safety.fragments import CATEGORY_PRIORITY

PHRASES_PATH = Path(__file__).with_name("crisis_phrases.json")
NEGATION_WINDOW = 4  # words before a phrase that a negation may sit in
JOKE_WINDOW = 3  # words after a phrase that a joking cue may sit in
_CLAUSE_BREAK = re.compile(r"[.!?;,:\n]+|\bbut\b")
_NEGATION = {"not", "never", "no", "dont", "wont", "didnt", "wouldnt", "cant", "isnt", "arent", "nor"}
_JOKE = re.compile(r"^(?:lol\w*|lmao\w*|jk|joking|kidding|haha\w*|rofl)$")


@dataclass(frozen=True)
class SafetyResult:
    """What the check found: whether to answer with the crisis reply, and why."""

    crisis: bool
    category: str | None = None
    evidence: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()

    @property
    def level(self) -> str:
        """The graded level (`emotecare.escalation.policy.LEVELS`), derived from the category
        until the graded model gives it: ideation is taken as active, the other categories
        (self-harm, harm to others, abuse, a medical emergency) as behaviour or danger now."""
        if not self.crisis:
            return "none"
        return "active_ideation" if self.category in (None, "suicidal_ideation") else "behaviour_or_danger"

    def to_dict(self) -> dict:
        """Return the JSON-ready form used by the CLI and the safety-event record."""
        return {"crisis": self.crisis, "category": self.category,
                "categories": list(self.categories), "evidence": list(self.evidence)}


NO_RISK = SafetyResult(crisis=False)


@dataclass(frozen=True)
class CrisisPhrase:
    id: str
    category: str
    kind: str
    pattern: re.Pattern
    example: str
    counter_example: str
    kept: bool


@lru_cache(maxsize=1)
def load_phrases(path: Path = PHRASES_PATH) -> tuple[CrisisPhrase, ...]:
    """Return every listed phrase, compiled (on first use, not at import)."""
    listed = json.loads(Path(path).read_text(encoding="utf-8"))["phrases"]
    return tuple(CrisisPhrase(p["id"], p["category"], p["kind"], re.compile(p["pattern"]), p["example"],
                              p["counter_example"], p.get("kept", False)) for p in listed)


def find_phrases(text: str, phrases: tuple[CrisisPhrase, ...] | None = None) -> list[tuple[CrisisPhrase, str]]:
    """Return (phrase, matched words) for every phrase that stands in `text` once its own context is read."""
    chosen = [p for p in load_phrases() if p.kept] if phrases is None else phrases
    found = []
    for clause in _CLAUSE_BREAK.split(text.lower()):
        folded = fold_text(clause)
        if not folded:
            continue
        for phrase in chosen:
            for match in phrase.pattern.finditer(folded):
                if not _qualified(folded, match):
                    found.append((phrase, match.group(0)))
    return found


def check_rules(text: str) -> SafetyResult:
    """Classify one message by the kept phrases alone; the category is the most urgent one found."""
    found = find_phrases(text or "")
    if not found:
        return NO_RISK
    categories = tuple(c for c in CATEGORY_PRIORITY if any(p.category == c for p, _ in found))
    evidence = tuple(dict.fromkeys(f"phrase {p.id}: {words}" for p, words in found))
    return SafetyResult(crisis=True, category=categories[0], evidence=evidence, categories=categories)


def _qualified(folded: str, match: re.Match) -> bool:
    """True when a negation just before the phrase or a joking cue just after it takes it back."""
    before = folded[:match.start()].split()[-NEGATION_WINDOW:]
    after = folded[match.end():].split()[:JOKE_WINDOW]
    return any(word in _NEGATION for word in before) or any(_JOKE.match(word) for word in after)
