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

from benchmarks.safety_eval import evaluate_set
from emotecare.safety import check_message
from emotecare.safety.model import load_model
from emotecare.safety.rules import read_rules


def score(path: Path, show_misses: bool = False) -> dict[str, tuple[float, float]]:
    """Return {variant: (recall, false-alarm rate)} on `path`, printing them."""
    model = load_model()
    variants = {"rules alone": lambda text: read_rules(text)[0].crisis,
                "model alone": lambda text: model.predict(text).crisis,
                "rules OR model": lambda text: check_message(text).crisis}
    reports = {name: evaluate_set(path, flag) for name, flag in variants.items()}
    shipped = reports["rules OR model"]
    print(f"{path.name}: n={shipped.n} crisis={shipped.crisis_total} non-crisis={shipped.calm_total}")
    for name, report in reports.items():
        print(f"  {name:<15} recall {report.recall:.3f}   false alarms {report.false_alarm_rate:.3f}")
    if show_misses:
        for text in shipped.misses:
            print(f"  MISS: {text}")
        for text in shipped.alarms:
            print(f"  FALSE ALARM: {text}")
    return {name: (r.recall, r.false_alarm_rate) for name, r in reports.items()}


def main(argv: list[str]) -> int:
    show = "--misses" in argv
    for arg in (a for a in argv if a != "--misses"):
        score(Path(arg), show)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
