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
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "data" / "safety"
# The shared datasets folder sits beside the checkout (../shared/datasets); override for other layouts.
POSTS_PATH = Path(os.environ.get("EMOTECARE_CRISIS_POSTS", ROOT.parent / "shared" / "datasets" / "crisis-posts.tsv"))
if not POSTS_PATH.exists():
    POSTS_PATH = Path("/work/shared/datasets/crisis-posts.tsv")

SPLIT_SALT = "emotecare-crisis-posts-split-v1"
HELD_OUT_SHARE = 0.2
WRITTEN_TRAIN_SETS = ("eval_messages.tsv", "holdout_messages.tsv", "dev_messages.tsv")
VARIANTS_SET = "variants.tsv"  # rewrites (typos, texting, small talk) of labelled rows; trained on only


@dataclass(frozen=True)
class Labelled:
    text: str
    crisis: bool
    category: str | None  # one of the five categories for written crisis rows; posts say suicidal ideation
    source: str  # "posts", a written set's file name, or "variants.tsv"
    group: str = ""  # rows that must stay on one side of a CV fold: a writing round and its rewrites


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
