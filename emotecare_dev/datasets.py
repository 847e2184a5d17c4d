"""Find the team's shared data sets (`shared/datasets/` beside the checkout; never committed).

A worktree sits deeper than the main checkout, and CI clones into another folder with a copy
of `shared/` beside it, so every ancestor of the repository is tried, nearest first. No
machine-specific path: where the data sets live elsewhere, pass their path explicitly.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_dataset(name: str) -> Path | None:
    """The path of shared/datasets/<name> in the nearest ancestor of the repository, or None."""
    for ancestor in ROOT.parents:
        candidate = ancestor / "shared" / "datasets" / name
        if candidate.is_file():
            return candidate
    return None
