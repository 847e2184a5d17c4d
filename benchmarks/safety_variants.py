"""Score a labelled set with the rules alone, the model alone, and both (the shipped check).

Usage: python benchmarks/safety_variants.py tests/safety/firstsight_r27.tsv [--misses]

For first-sight sets: run it BEFORE anything is changed for the set and record the figures
in `benchmarks/SAFETY_RESULTS.md`. "model alone" is the shipped model at its shipped
threshold without the rules' deferral; "rules OR model" is exactly `check_message`.
Misses are printed only with --misses, so the figures can be recorded before anyone looks.
"""
from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.safety_eval import read_labelled
from emotecare.safety import check_message
from emotecare.safety.model import load_model
from emotecare.safety.rules import read_rules


def score(path: Path, show_misses: bool = False) -> dict[str, tuple[float, float]]:
    """Return {variant: (recall, false-alarm rate)} on `path`, printing them."""
    rows = read_labelled(path)
    model = load_model()
    verdicts = {"rules alone": [], "model alone": [], "rules OR model": []}
    for _, text in rows:
        verdicts["rules alone"].append(read_rules(text)[0].crisis)
        verdicts["model alone"].append(model.predict(text).crisis)
        verdicts["rules OR model"].append(check_message(text).crisis)
    crisis = [label == "crisis" for label, _ in rows]
    n_crisis = sum(crisis)
    print(f"{path.name}: n={len(rows)} crisis={n_crisis} non-crisis={len(rows) - n_crisis}")
    figures = {}
    for name, flagged in verdicts.items():
        recall = sum(f for f, c in zip(flagged, crisis) if c) / n_crisis if n_crisis else float("nan")
        alarms = sum(f for f, c in zip(flagged, crisis) if not c) / (len(rows) - n_crisis)
        figures[name] = (recall, alarms)
        print(f"  {name:<15} recall {recall:.3f}   false alarms {alarms:.3f}")
    if show_misses:
        for (label, text), flagged, is_crisis in zip(rows, verdicts["rules OR model"], crisis):
            if flagged != is_crisis:
                print(f"  {'MISS' if is_crisis else 'FALSE ALARM'}: {text}")
    return figures


def main(argv: list[str]) -> int:
    show = "--misses" in argv
    for arg in (a for a in argv if a != "--misses"):
        score(Path(arg), show)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
