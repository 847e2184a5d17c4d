"""Sustained distress: ≥ 30 s of valence ≤ -0.3, through short gaps, ended by a calm face."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

from emotecare.reports.distress import sustained_distress

START = datetime(2026, 11, 17, 15, 0, tzinfo=timezone.utc)


def frames(*runs: tuple[int, bool, float | None], step_s: float = 1.0) -> list:
    out, at = [], START
    for count, face, valence in runs:
        for _ in range(count):
            out.append(SimpleNamespace(captured_at=at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                                       face_found=face, valence=valence))
            at += timedelta(seconds=step_s)
    return out


def test_thirty_seconds_of_distress_is_flagged_and_twenty_nine_is_not():
    assert [s.seconds for s in sustained_distress(frames((31, True, -0.5)))] == [30.0]
    assert sustained_distress(frames((30, True, -0.5))) == []


def test_frames_without_a_face_do_not_end_a_run_but_a_calm_face_does():
    looked_away = frames((20, True, -0.5), (3, False, None), (12, True, -0.5))
    assert [s.seconds for s in sustained_distress(looked_away)] == [34.0]
    calmed = frames((20, True, -0.5), (1, True, 0.2), (20, True, -0.5))
    assert sustained_distress(calmed) == []


def test_a_gap_longer_than_five_seconds_splits_the_run():
    gap = frames((20, True, -0.5), (6, False, None), (20, True, -0.5))
    assert sustained_distress(gap) == []


def test_the_threshold_is_inclusive():
    spans = sustained_distress(frames((40, True, -0.3), (40, True, -0.29)))
    assert [(s.start, s.end) for s in spans] == [("2026-11-17T15:00:00Z", "2026-11-17T15:00:39Z")]
