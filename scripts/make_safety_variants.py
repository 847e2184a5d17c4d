"""Write `tests/safety/variants.tsv`: systematic rewrites of every labelled message, for training only.

Usage: python scripts/make_safety_variants.py   (seconds; deterministic)

People in distress type in lower case without punctuation, with typos and texting
abbreviations, and wrap the one line that matters in small talk. Each labelled message gets
two rewrites drawn from those families; the label stays (none of them changes what is said).
Every variant keeps its source's round with a "-var" suffix, so leave-one-round-out CV
holds it out together with its source and never scores on it (`training.py`). The variants
add no new language, only new surface forms of language we wrote.
"""
from __future__ import annotations

import random
import re
import zlib
from pathlib import Path

from emotecare.safety import training

OUT = training.DATA_DIR / "variants.tsv"
TEXTING = [(r"\byou\b", "u"), (r"\bare\b", "r"), (r"\bbecause\b", "cuz"), (r"\bdon't\b", "dont"),
           (r"\bI'm\b", "im"), (r"\bgoing to\b", "gonna"), (r"\bwant to\b", "wanna"), (r"\btonight\b", "tonite"),
           (r"\btomorrow\b", "tmrw"), (r"\bpeople\b", "ppl"), (r"\bcan't\b", "cant"), (r"\bI've\b", "ive"),
           (r"\bplease\b", "pls"), (r"\bthough\b", "tho"), (r"\bI don't know\b", "idk"), (r"\bright now\b", "rn"),
           (r"\bwon't\b", "wont"), (r"\bdoesn't\b", "doesnt"), (r"\bto be honest\b", "tbh"), (r"\bokay\b", "ok")]
LEAD_INS = ["hi.", "hey", "sorry to bother you.", "can i tell you something.", "i don't know how to say this.",
            "ok so.", "I need to say this.", "so yeah.", "um.", "it's late and I can't sleep.",
            "I've been meaning to write this.", "just being honest here.", "Hello again."]
TAILS = ["", ".", "...", " idk", " anyway", " just saying", " I guess", " honestly", " sorry", " ugh"]


def lower_no_punct(text: str, rng: random.Random) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[.,!?;:]", "", text.lower())).strip()


def texting(text: str, rng: random.Random) -> str:
    for pattern, short in TEXTING:
        text = re.sub(pattern, short, text, flags=re.IGNORECASE)
    return text.lower()


def typos(text: str, rng: random.Random) -> str:
    words = text.split()
    long_ones = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    for i in rng.sample(long_ones, min(len(long_ones), rng.choice((1, 2)))):
        w = words[i]
        j = rng.randrange(1, len(w) - 1)
        kind = rng.choice(("swap", "drop", "double"))
        if kind == "swap":
            w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
        elif kind == "drop":
            w = w[:j] + w[j + 1:]
        else:
            w = w[:j] + w[j] + w[j:]
        words[i] = w
    return " ".join(words)


def wrapped(text: str, rng: random.Random) -> str:
    return f"{rng.choice(LEAD_INS)} {text}{rng.choice(TAILS)}"


REWRITES = (lower_no_punct, texting, typos, wrapped)


def variants(text: str) -> list[str]:
    """Return two distinct rewrites of `text` (seeded by the text, so reruns write the same file)."""
    rng = random.Random(zlib.crc32(text.encode("utf-8")))
    out = []
    for first, second in rng.sample([(a, b) for a in REWRITES for b in REWRITES if a is not b], 4):
        candidate = second(first(text, rng), rng)
        if candidate != text and candidate not in out:
            out.append(candidate)
        if len(out) == 2:
            break
    return out


def main() -> None:
    rows = []
    for message in training.read_labelled_messages(include_variants=False):
        label = "crisis" if message.crisis else "none"
        for text in variants(message.text):
            rows.append(f"{message.round}-var\t{label}\t{message.category or 'none'}\t{text}\n")
    OUT.write_text("round\tlabel\tcategory\ttext\n" + "".join(rows), encoding="utf-8")
    print(f"wrote {len(rows)} variants -> {OUT}")


if __name__ == "__main__":
    main()
