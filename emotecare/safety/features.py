"""Turn a message into the hashed word and character n-gram features the trained model reads.

Shared by training (`training.py`) and inference (`model.py`) so the two cannot drift. Pure
Python: the API Lambda ships no numpy. Features are hashed with CRC-32 (stable across runs
and Python versions, unlike `hash()`), counted, square-rooted and L2-normalised, so long
journal entries and one-word chats sit on the same scale.
"""
from __future__ import annotations

import math
import re
import zlib

from emotecare.safety.concepts import CONCEPT_OF
from emotecare.safety.normalise import normalise_text

FEATURE_DIM = 2 ** 18  # buckets; collisions are rare at a few tens of thousands of distinct n-grams
WORD_NGRAMS = (1, 2, 3)
CHAR_NGRAMS = (3, 4, 5)  # inside word boundaries: catches typos, slang spellings and word stems

USE_CONCEPTS = True
USE_CONCEPT_PAIRS = True
_WORD = re.compile(r"[a-z0-9']+")


def extract_features(text: str) -> dict[int, float]:
    """Return {bucket: weight} for `text`, L2-normalised; empty for an empty message."""
    words = _WORD.findall(normalise_text(text))
    counts: dict[int, float] = {}
    for gram in _word_grams(words):
        _add(counts, "w:" + gram)
    if USE_CONCEPTS:
        # The same n-grams with crisis words replaced by their concept ("took NUM PILLS"), only
        # those holding a concept: what was learnt about one word reaches its synonyms.
        concepts = [CONCEPT_OF.get(w) or ("NUM" if w.isdigit() else w) for w in words]
        for gram in _word_grams(concepts):
            if any(token.isupper() for token in gram.split(" ") if token not in ("<s>", "</s>")):
                _add(counts, "k:" + gram)
        if USE_CONCEPT_PAIRS:
            # Which crisis concepts meet in one message, in any order and at any distance: means
            # beside a time or a farewell ("the hose ... tonight") without a verb of intent between.
            present = sorted({c for c in concepts if c.isupper() and c != "NUM"})
            for i, first in enumerate(present):
                for second in present[i + 1:]:
                    _add(counts, f"p:{first}|{second}")
    for word in words:
        padded = f" {word} "
        for n in CHAR_NGRAMS:
            for start in range(max(len(padded) - n + 1, 1)):
                _add(counts, "c:" + padded[start:start + n])
    for bucket, count in counts.items():
        counts[bucket] = math.sqrt(count)
    norm = math.sqrt(sum(v * v for v in counts.values()))
    return {bucket: value / norm for bucket, value in counts.items()} if norm else {}


def _word_grams(words: list[str]):
    """Yield word n-grams; the sentence edges count as words so 'kill myself' at the start differs."""
    padded = ["<s>", *words, "</s>"]
    for n in WORD_NGRAMS:
        for start in range(len(padded) - n + 1):
            gram = padded[start:start + n]
            if n == 1 and gram[0] in ("<s>", "</s>"):
                continue
            yield " ".join(gram)


def _add(counts: dict[int, float], key: str) -> None:
    bucket = zlib.crc32(key.encode("utf-8")) % FEATURE_DIM
    counts[bucket] = counts.get(bucket, 0.0) + 1.0
