#!/usr/bin/env python3
"""List the photos-dev photos the shipped path reads most clearly, per class, in the test clip's framing.

    python benchmarks/clip_exemplars.py [--photos PATH] [--top 5]

The insight-panel browser test (tests/browser/test_insight_panel.py) plays one photo per
phase; it uses, for each of happy, sad and surprise, a photo from the top of this list whose
expression is plain to a person as well (look at it before choosing). Frames are made as the
fake camera shows them (tests/browser/y4m.webcam_frame), sent as the page sends them (320x240
JPEG) and read by the same analyzer as the inference function.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import cv2

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.photos_dev import load_photos  # noqa: E402
from emotecare.pipeline.analyzer import VisionAnalyzer  # noqa: E402
from tests.browser.y4m import webcam_frame  # noqa: E402

CLASSES = ("happy", "sad", "surprise")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", default=None)
    parser.add_argument("--top", type=int, default=5)
    args = parser.parse_args()
    analyzer = VisionAnalyzer()
    for label in CLASSES:
        scored = []
        for photo in (p for p in load_photos(args.photos) if p.label == label):
            frame = cv2.resize(webcam_frame(photo.gray, 128, 48), (320, 240), interpolation=cv2.INTER_AREA)
            jpeg = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 80])[1].tobytes()
            result = analyzer.analyze_bytes(jpeg)
            if result.face_found:
                scored.append((result.probabilities[label], result.expression, photo.name))
        scored.sort(reverse=True)
        print(f"{label}: {len(scored)} photos with a face; read as {label}: "
              f"{sum(1 for _, read, _ in scored if read == label)}")
        for probability, read, name in scored[:args.top]:
            print(f"  {name}: p({label}) = {probability:.2f}, read as {read}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
