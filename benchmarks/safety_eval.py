"""Score the shipped crisis check on text it never learnt from, and print the figures.

Usage: python benchmarks/safety_eval.py [--held-out] [--first-sight] [--curve] [--show N]
(no flag: all three parts; about a minute on one core)

- held-out posts: the 20 % of `crisis-posts.tsv` that `corpus.split_posts` keeps back (never
  trained on, thresholds not chosen on it). Issue 23's bar: recall >= 0.93 with false alarms <= 0.08.
- held-out distress posts: the 20 % of `distress-posts.tsv` that `corpus.split_distress` keeps back
  (stratified by community and reviewed crisis label), therapy-context text. Issue 23's bars: false
  alarms <= 0.05 on the posts that are not crises, recall >= 0.90 on the ones that are (only 10
  reviewed crises are held out: read that recall as a rough figure). Also prints the levels given.
- first-sight sets: `data/safety/firstsight_r*.tsv`, written chat-style sets never trained on.
- curve: recall and false alarms on the held-out posts at other thresholds (reported only; the
  shipped threshold comes from cross-validation on train).
`--show N` prints N misses and N false alarms per set (to read in a terminal; never commit posts).
"""
from __future__ import annotations

import argparse
import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from emotecare.safety import check_message
from emotecare_dev.safety import corpus
from emotecare.safety.levels import LEVELS
from emotecare.safety.model import load_model

DEFAULT_SET = corpus.DATA_DIR / "eval_messages.tsv"
RECALL_BAR = 0.93
FALSE_ALARM_BAR = 0.08
THERAPY_RECALL_BAR = 0.90
THERAPY_FALSE_ALARM_BAR = 0.05
CURVE = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)


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

    def line(self, name: str) -> str:
        return (f"{name}: n={self.n} recall {self.recall:.3f} ({self.crisis_caught}/{self.crisis_total}), "
                f"false alarms {self.false_alarm_rate:.3f} ({self.false_alarms}/{self.calm_total})")


def read_labelled(path: Path) -> list[tuple[str, str]]:
    """Return (label, text) pairs from a written set (label crisis/none)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(row["label"].strip(), row["text"]) for row in rows if row.get("text")]


def evaluate(rows: list[corpus.Labelled], flag=lambda text: check_message(text).crisis) -> EvalReport:
    """Run `flag` (by default the shipped check) over `rows`; count catches and false alarms."""
    report = EvalReport()
    for row in rows:
        flagged = flag(row.text)
        report.n += 1
        if row.crisis:
            report.crisis_total += 1
            report.crisis_caught += flagged
            if not flagged:
                report.misses.append(row.text)
        else:
            report.calm_total += 1
            report.false_alarms += flagged
            if flagged:
                report.alarms.append(row.text)
    return report


def evaluate_set(path: Path) -> EvalReport:
    """Score the shipped check on one written set."""
    return evaluate(corpus.read_written(path))


def held_out_posts() -> list[corpus.Labelled]:
    return corpus.split_posts(corpus.read_posts())[1]


def held_out_distress() -> list[corpus.Labelled]:
    return corpus.split_distress(corpus.read_distress_posts())[1]


def print_levels(rows: list[corpus.Labelled]) -> None:
    """Print how often each level is given, beside the reviewed level, on the held-out distress posts."""
    given = Counter((row.level, check_message(row.text).level) for row in rows)
    for reviewed in LEVELS:
        line = ", ".join(f"{level} {given[(reviewed, level)]}" for level in LEVELS if given[(reviewed, level)])
        if line:
            print(f"  reviewed {reviewed}: given {line}")


def print_curve(rows: list[corpus.Labelled]) -> None:
    """Print recall / false alarms of the model alone at each threshold in CURVE."""
    model = load_model()
    scored = [(model.predict(r.text).score, r.crisis) for r in rows]  # one stage: the score alone
    at_risk = sum(c for _, c in scored)
    calm = len(scored) - at_risk
    print(f"curve on held-out posts, model alone (shipped threshold {model.threshold}):")
    for threshold in (*CURVE, model.threshold):
        caught = sum(s >= threshold and c for s, c in scored)
        alarms = sum(s >= threshold and not c for s, c in scored)
        print(f"  threshold {threshold:.3f}: recall {caught / at_risk:.3f}, false alarms {alarms / calm:.3f}")


def show(report: EvalReport, count: int) -> None:
    for text in report.misses[:count]:
        print(f"    MISS: {text[:300]}")
    for text in report.alarms[:count]:
        print(f"    FALSE ALARM: {text[:300]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held-out", action="store_true")
    parser.add_argument("--first-sight", action="store_true")
    parser.add_argument("--curve", action="store_true")
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    every = not (args.held_out or args.first_sight or args.curve)
    print(f"crisis model {load_model().version}, threshold {load_model().threshold}")
    if every or args.held_out:
        report = evaluate(held_out_posts())
        print(report.line("held-out posts") + f"  (bar: recall >= {RECALL_BAR}, false alarms <= {FALSE_ALARM_BAR})")
        show(report, args.show)
        distress = held_out_distress()
        report = evaluate(distress)
        print(report.line("held-out distress posts") + f"  (bars: recall >= {THERAPY_RECALL_BAR}, "
                                                       f"false alarms <= {THERAPY_FALSE_ALARM_BAR})")
        show(report, args.show)
        print_levels(distress)
    if every or args.first_sight:
        pooled = EvalReport()
        for path in corpus.first_sight_sets():
            report = evaluate_set(path)
            print(report.line(path.name))
            show(report, args.show)
            for name in ("n", "crisis_total", "crisis_caught", "calm_total", "false_alarms"):
                setattr(pooled, name, getattr(pooled, name) + getattr(report, name))
        print(pooled.line("first-sight sets pooled"))
    if every or args.curve:
        print_curve(held_out_posts())


if __name__ == "__main__":
    main()
