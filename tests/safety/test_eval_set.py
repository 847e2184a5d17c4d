"""The safety check meets the issue-9 bar on the labelled evaluation set, via the script."""
import subprocess
import sys
from pathlib import Path

from benchmarks.safety_eval import (DEFAULT_SET, FALSE_ALARM_BAR, RECALL_BAR, evaluate_set, read_labelled)

ROOT = Path(__file__).resolve().parents[2]


def test_eval_set_is_large_varied_and_about_forty_percent_crisis():
    rows = read_labelled(DEFAULT_SET)
    crisis = sum(label == "crisis" for label, _ in rows)
    assert len(rows) >= 300
    assert 0.35 <= crisis / len(rows) <= 0.45
    assert {label for label, _ in rows} == {"crisis", "none"}
    assert len({text for _, text in rows}) == len(rows)  # no duplicates padding the count


def test_eval_script_figures_meet_the_bar():
    report = evaluate_set(DEFAULT_SET)
    assert report.recall >= RECALL_BAR, report.misses
    assert report.false_alarm_rate <= FALSE_ALARM_BAR, report.alarms


def test_development_rounds_stay_above_the_bar():
    """Messages written in later rounds to find gaps; kept so fixed gaps stay fixed."""
    report = evaluate_set(DEFAULT_SET.with_name("dev_messages.tsv"))
    assert report.recall >= RECALL_BAR, report.misses
    assert report.false_alarm_rate <= FALSE_ALARM_BAR, report.alarms


def test_holdout_set_stays_above_the_bar_now_that_it_has_been_used_for_fixes():
    """First-sight figures were recall 0.469, false alarms 0.021 (benchmarks/SAFETY_RESULTS.md)."""
    report = evaluate_set(DEFAULT_SET.with_name("holdout_messages.tsv"))
    assert report.n == 80
    assert report.recall >= RECALL_BAR, report.misses
    assert report.false_alarm_rate <= FALSE_ALARM_BAR, report.alarms


def test_eval_script_prints_the_figures_and_exits_zero():
    done = subprocess.run([sys.executable, "benchmarks/safety_eval.py"], cwd=ROOT, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT)}, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "recall on crisis messages" in done.stdout and "false-alarm rate" in done.stdout
