"""Find the team's shared data sets (../shared/datasets/ beside the checkout; never committed).

A worktree sits one level deeper than the main checkout, so every ancestor of the
repository is tried, nearest first.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def shared_dataset(name: str) -> Path | None:
    """The path of ../shared/datasets/<name> nearest above the repository, or None."""
    for ancestor in ROOT.parents:
        candidate = ancestor / "shared" / "datasets" / name
        if candidate.is_file():
            return candidate
    return None
