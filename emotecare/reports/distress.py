"""Sustained distress in one session's frames: stretches of clearly negative expression.

Until the frame pipeline's live-feed distress detection lands on main, the reports use
this one; when it does, replace `sustained_distress` with a call to it so the live feed
and the weekly report can never disagree about what counted as distress.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Protocol

from emotecare.reports.weeks import parse_utc_text, to_utc_text

# A frame with a face whose valence is at or below this is a distress frame (-1 … +1 scale),
# and a run of them is flagged only when it lasts at least MIN_SUSTAINED_S: the same
# thresholds the pipeline branch's live feed uses (settings.distress_valence/_seconds).
DISTRESS_VALENCE = -0.3
MIN_SUSTAINED_S = 30
# … and no two consecutive distress frames in it are further apart than this (frames
# without a face, e.g. the patient looking away, do not end a run; a calm face does).
MAX_GAP_S = 5


class Frame(Protocol):
    captured_at: str
    face_found: bool
    valence: float | None


@dataclass(frozen=True)
class DistressSpan:
    start: str
    end: str
    seconds: float

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "seconds": self.seconds}


def is_distress_frame(frame: Frame) -> bool:
    return bool(frame.face_found) and frame.valence is not None and frame.valence <= DISTRESS_VALENCE


def sustained_distress(frames: Iterable[Frame]) -> list[DistressSpan]:
    """Stretches of distress lasting ≥ MIN_SUSTAINED_S, from frames in capture order."""
    spans: list[DistressSpan] = []
    run_start = run_last = None
    for frame in frames:
        if not frame.face_found:
            continue
        moment = parse_utc_text(frame.captured_at)
        if is_distress_frame(frame):
            if run_last is not None and (moment - run_last).total_seconds() <= MAX_GAP_S:
                run_last = moment
                continue
            _close(spans, run_start, run_last)
            run_start = run_last = moment
        else:
            _close(spans, run_start, run_last)
            run_start = run_last = None
    _close(spans, run_start, run_last)
    return spans


def _close(spans: list[DistressSpan], start, last) -> None:
    if start is None:
        return
    seconds = (last - start).total_seconds()
    if seconds >= MIN_SUSTAINED_S:
        spans.append(DistressSpan(to_utc_text(start), to_utc_text(last), round(seconds, 1)))
