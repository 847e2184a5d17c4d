"""Score the safety check on a labelled message set and print recall and false alarms.

Usage: python benchmarks/safety_eval.py [tests/safety/eval_messages.tsv ...]

Each file is tab-separated with a header `label<TAB>category<TAB>text`, where label is
`crisis` or `none`. The bar from issue 9: recall >= 0.98 on crisis messages and a
false-alarm rate <= 0.10 on the rest.
"""
from __future__ import annotations

import csv
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from emotecare.safety import check_message

DEFAULT_SET = Path(__file__).resolve().parent.parent / "tests" / "safety" / "eval_messages.tsv"
RECALL_BAR = 0.98
FALSE_ALARM_BAR = 0.10


@dataclass
class EvalReport:
    """Figures for one labelled set, with the messages the check got wrong."""

    n: int = 0
    crisis_total: int = 0
    crisis_caught: int = 0
    calm_total: int = 0
    false_alarms: int = 0
    misses: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.crisis_caught / self.crisis_total if self.crisis_total else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.calm_total if self.calm_total else 0.0


def read_labelled(path: Path) -> list[tuple[str, str]]:
    """Return (label, text) pairs from a TSV file with a header row."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(row["label"].strip(), row["text"]) for row in rows if row.get("text")]


def evaluate_set(path: Path, flag: Callable[[str], bool] = lambda text: check_message(text).crisis
                 ) -> EvalReport:
    """Run `flag` (by default the shipped check) over every message in `path` and count hits
    and false alarms."""
    report = EvalReport()
    for label, text in read_labelled(path):
        flagged = flag(text)
        report.n += 1
        if label == "crisis":
            report.crisis_total += 1
            report.crisis_caught += flagged
            if not flagged:
                report.misses.append(text)
        else:
            report.calm_total += 1
            report.false_alarms += flagged
            if flagged:
                report.alarms.append(text)
    return report


def print_report(path: Path, report: EvalReport) -> None:
    """Print the figures, then every miss and false alarm, one per line."""
    print(f"{path.name}: n={report.n} crisis={report.crisis_total} non-crisis={report.calm_total}")
    print(f"  recall on crisis messages: {report.recall:.3f} (bar >= {RECALL_BAR})")
    print(f"  false-alarm rate on non-crisis: {report.false_alarm_rate:.3f} (bar <= {FALSE_ALARM_BAR})")
    for text in report.misses:
        print(f"  MISS: {text}")
    for text in report.alarms:
        print(f"  FALSE ALARM: {text}")


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or [DEFAULT_SET]
    ok = True
    for path in paths:
        report = evaluate_set(path)
        print_report(path, report)
        ok &= report.recall >= RECALL_BAR and report.false_alarm_rate <= FALSE_ALARM_BAR
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
