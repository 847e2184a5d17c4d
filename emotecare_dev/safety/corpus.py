"""The labelled text the crisis check learns from and is measured on (dev only; pure Python).

Two sources (see `data/safety/README.md`):
- the written chat-style sets in `data/safety/` (ours, committed): trained on, except the
  first-sight sets (`firstsight_r*.tsv`), which are only ever scored;
- `crisis-posts.tsv`, real posts with a noisy at-risk label, read from the shared datasets
  folder and never committed. It is split once into train and held-out by `split_posts`, a
  stratified split keyed on a salted hash of each post's text: the same file always gives the
  same split, on any machine, without the split itself (or any post) being stored here.
"""
from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from emotecare_dev.datasets import shared_dataset

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "data" / "safety"
# The shared datasets folder beside the checkout (or above a worktree); a path that does not
# exist makes the tests that need the posts skip and the scripts say so.
POSTS_PATH = shared_dataset("crisis-posts.tsv") or ROOT.parent / "shared" / "datasets" / "crisis-posts.tsv"
DISTRESS_PATH = POSTS_PATH.with_name("distress-posts.tsv")

SPLIT_SALT = "emotecare-crisis-posts-split-v1"
HELD_OUT_SHARE = 0.2
DISTRESS_SPLIT_SALT = "emotecare-distress-posts-split-v1"
REVIEW_SALT = "emotecare-distress-review-v1"
REVIEW_PATH = DATA_DIR / "distress_review.tsv"
# The posts that mention death, suicide, self-harm, weapons or violence: each was read and given a
# level by hand (`distress_review.tsv`, keyed by `review_key`), before any was used as a negative.
REVIEW_CUES = re.compile(
    r"suicid|kill (?:my|me|him|her|them|your)|killing|\bdie\b|\bdied\b|\bdead\b|death|dying|self.?harm|cutting|"
    r"cut myself|overdose|\bod\b|pills|\bgun|knife|weapon|violen|\bhurt (?:my|me)|end (?:it|my life)|want to die|"
    r"wanna die|shoot|stab|strangl|choke|choking|murder", re.IGNORECASE)
# C-SSRS-style levels (emotecare/safety/levels.py); the last four are crises.
CRISIS_LEVELS = ("passive_ideation", "active_ideation", "method_intent_plan", "behaviour_or_danger")
WRITTEN_TRAIN_SETS = ("eval_messages.tsv", "holdout_messages.tsv", "dev_messages.tsv")
VARIANTS_SET = "variants.tsv"  # rewrites (typos, texting, small talk) of labelled rows; trained on only


@dataclass(frozen=True)
class Labelled:
    text: str
    crisis: bool
    category: str | None  # one of the five categories for written crisis rows; posts say suicidal ideation
    source: str  # "posts", a written set's file name, or "variants.tsv"
    group: str = ""  # rows that must stay on one side of a CV fold: a writing round and its rewrites
    level: str | None = None  # distress posts: the reviewed or stress-derived level
    stratum: str = ""  # distress posts: the community, for the stratified split


def first_sight_sets(data_dir: Path = DATA_DIR) -> list[Path]:
    """Return the written first-sight sets: scored at first sight, never trained on."""
    return sorted(data_dir.glob("firstsight_r*.tsv"))


def first_sight_rounds(data_dir: Path = DATA_DIR) -> set[str]:
    return {path.stem.split("_")[1] for path in first_sight_sets(data_dir)}


def read_written(path: Path) -> list[Labelled]:
    """Read one written set (`label` is crisis/none, `category` names the crisis kind)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [Labelled(row["text"], row["label"].strip() == "crisis",
                         row["category"] if row["label"].strip() == "crisis" else None, path.name,
                         row["round"].split("-")[0] if row.get("round") else path.stem.split("_")[0])
                for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]


def read_written_train(data_dir: Path = DATA_DIR) -> list[Labelled]:
    """Return the written rows trained on: the sets and the rewrites of all but the first-sight rounds.

    A row whose exact text also sits in a first-sight set ("this exam is killing me" was written
    more than once) is left out, so the first-sight figures stay first-sight.
    """
    first_sight = {row.text for path in first_sight_sets(data_dir) for row in read_written(path)}
    rows = [row for name in WRITTEN_TRAIN_SETS for row in read_written(data_dir / name) if row.text not in first_sight]
    held = first_sight_rounds(data_dir)
    with (data_dir / VARIANTS_SET).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["round"].split("-")[0] in held or row["text"] in first_sight:
                continue  # a rewrite of a first-sight message would leak it into training
            crisis = row["label"].strip() == "crisis"
            rows.append(Labelled(row["text"], crisis, row["category"] if crisis else None, VARIANTS_SET,
                                 row["round"].split("-")[0]))
    return rows


def read_posts(path: Path = POSTS_PATH) -> list[Labelled]:
    """Return every post in `crisis-posts.tsv` (label 1 = at risk: suicidal ideation or intent)."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        return [Labelled(row["text"], row["label"].strip() == "1",
                         "suicidal_ideation" if row["label"].strip() == "1" else None, "posts",
                         "post:" + split_key(row["text"])[:16])
                for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]


def split_key(text: str) -> str:
    return hashlib.sha256(f"{SPLIT_SALT}\n{text}".encode("utf-8")).hexdigest()


def split_posts(posts: list[Labelled]) -> tuple[list[Labelled], list[Labelled]]:
    """Return (train, held_out): within each label, the posts with the smallest keys are held out."""
    train, held_out = [], []
    for label in (True, False):
        ranked = sorted((p for p in posts if p.crisis is label), key=lambda p: split_key(p.text))
        cut = round(len(ranked) * HELD_OUT_SHARE)
        held_out.extend(ranked[:cut])
        train.extend(ranked[cut:])
    return train, held_out


def review_key(text: str) -> str:
    """The salted hash that keys a reviewed distress post in `distress_review.tsv` (no text is stored)."""
    return hashlib.sha256(f"{REVIEW_SALT}\n{text}".encode("utf-8")).hexdigest()


def read_review(path: Path = REVIEW_PATH) -> dict[str, tuple[str, str | None]]:
    """Return {review_key: (level, category)} for every distress post read by hand."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        return {row["key"]: (row["level"], row["category"] or None)
                for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)}


def read_distress_posts(path: Path = DISTRESS_PATH, review_path: Path = REVIEW_PATH) -> list[Labelled]:
    """Return every post in `distress-posts.tsv`, labelled: reviewed posts by their review, the rest
    (no mention of death, suicide, self-harm, weapons or violence) as not a crisis, at level
    `distress` when the collectors' stress label says so, else `none`."""
    review = read_review(review_path)
    posts = []
    with Path(path).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            text = row["text"]
            level, category = review.get(review_key(text), (None, None))
            if level is None:
                if REVIEW_CUES.search(text):
                    raise ValueError("a distress post that mentions death or violence has no review: "
                                     f"key {review_key(text)[:16]}; read it and add it to {review_path.name}")
                level = "distress" if row["stress"].strip() == "1" else "none"
            crisis = level in CRISIS_LEVELS
            posts.append(Labelled(text, crisis, (category or "suicidal_ideation") if crisis else None, "distress",
                                  "distress:" + review_key(text)[:16], level, row["subreddit"]))
    return posts


def distress_split_key(text: str) -> str:
    return hashlib.sha256(f"{DISTRESS_SPLIT_SALT}\n{text}".encode("utf-8")).hexdigest()


def split_distress(posts: list[Labelled]) -> tuple[list[Labelled], list[Labelled]]:
    """Return (train, held_out): within each community and crisis label, the smallest keys are held out."""
    train, held_out = [], []
    for stratum in sorted({(p.stratum, p.crisis) for p in posts}):
        ranked = sorted((p for p in posts if (p.stratum, p.crisis) == stratum), key=lambda p: distress_split_key(p.text))
        cut = round(len(ranked) * HELD_OUT_SHARE)
        held_out.extend(ranked[:cut])
        train.extend(ranked[cut:])
    return train, held_out
