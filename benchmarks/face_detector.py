#!/usr/bin/env python3
"""Measure the face detector: real faces found, non-faces boxed, CPU per frame; choose the threshold.

    python benchmarks/face_detector.py [--photos ../shared/datasets/photos-dev.zip]

- photos-dev (937 real photos) as they are (close-up) and pasted into 640x480 frames
  (benchmarks/photos_dev.py); in a frame, a face counts as found only when a box's centre
  lies on the pasted photo.
- scikit-image's LFW subset (the first 100 are faces, the last 100 non-faces; 25x25,
  enlarged to 120 px on a grey 320x240 frame, the browser's frame size).
- the astronaut, Grace Hopper and the half-profile cameraman as 640x480 frames, and the
  browser test's fake-camera clip (tests/browser/y4m.py) as the page sends it (320x240 JPEG).
- CPU time per 640x480 frame: thread CPU time of `detect` on one thread.

Prints the threshold curve for BlazeFace (the shipped detector) and one row for the Haar
cascade it replaced (its settings as shipped before), for comparison.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import cv2
import numpy as np
from skimage import data as skdata

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.photos_dev import frame_photos, load_photos  # noqa: E402
from emotecare.vision import faces  # noqa: E402
from tests.browser.y4m import astronaut_frames  # noqa: E402
from tests.support.frames import FACE_PHOTOS  # noqa: E402

THRESHOLDS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)
FLOOR = 0.3  # detect at this score, then count at each threshold


def lfw_frame(images: np.ndarray, index: int, size: int = 120) -> np.ndarray:
    face = (np.asarray(images[index]) * 255).astype(np.uint8)
    canvas = np.full((240, 320), 110, np.uint8)
    canvas[60:60 + size, 100:100 + size] = cv2.resize(face, (size, size), interpolation=cv2.INTER_CUBIC)
    return canvas


def photo_frame(name: str) -> np.ndarray:
    load, (top, bottom, left, right) = FACE_PHOTOS[name]
    image = load()[top:bottom, left:right]
    gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    return cv2.resize(gray, (640, 480))


def browser_frames() -> list[np.ndarray]:
    """The fake camera's frames as the page uploads them: 320x240 JPEG, decoded to gray."""
    out = []
    for rgb in astronaut_frames():
        small = cv2.resize(cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR), (320, 240), interpolation=cv2.INTER_AREA)
        jpeg = cv2.imencode(".jpg", small, [cv2.IMWRITE_JPEG_QUALITY, 80])[1]
        out.append(cv2.imdecode(jpeg, cv2.IMREAD_GRAYSCALE))
    return out


def best_score(detector: faces.FaceDetector, gray: np.ndarray, rect=None) -> tuple[float, float]:
    """The best face score of each look (first, zoomed out) at `gray`; 0 for none.

    Only boxes centred inside `rect` count, when given. `detect` at threshold t finds a
    face when either score reaches t (the second look runs when the first finds none).
    """
    return tuple(max((f.score for f in detector.look(gray, zoom)
                      if rect is None or _centred_in(f.box, rect)), default=0.0)
                 for zoom in (1.0, faces.ZOOM_OUT))


def _found(scores: np.ndarray, threshold: float) -> np.ndarray:
    return (np.asarray(scores).reshape(-1, 2) >= threshold).any(axis=1)


def _centred_in(box, rect) -> bool:
    x, y, w, h = box
    rx, ry, rw, rh = rect
    return rx <= x + w / 2 <= rx + rw and ry <= y + h / 2 <= ry + rh


def cpu_ms(detect, gray: np.ndarray, seconds: float = 3.0) -> float:
    detect(gray), detect(gray)
    count, cpu_started, started = 0, time.thread_time(), time.perf_counter()
    while time.perf_counter() - started < seconds:
        detect(gray)
        count += 1
    return (time.thread_time() - cpu_started) / count * 1000


def haar_detect(gray: np.ndarray) -> list:
    """The Haar cascade exactly as shipped before BlazeFace (for the comparison row)."""
    cascade = haar_detect.cascade = getattr(haar_detect, "cascade", None) or cv2.CascadeClassifier(
        cv2.data.haarcascades + "haarcascade_frontalface_alt2.xml")
    scale = min(1.0, 160 / max(gray.shape[:2]))
    small = cv2.equalizeHist(cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA))
    min_side = max(int(min(small.shape[:2]) * 0.15), 20)
    found = cascade.detectMultiScale(small, scaleFactor=1.1, minNeighbors=3, minSize=(min_side, min_side))
    return [tuple(int(round(v / scale)) for v in box) for box in np.asarray(found).reshape(-1, 4)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", default=None, help="photos-dev.zip (default ../shared/datasets/)")
    args = parser.parse_args()
    cv2.setNumThreads(1)
    photos = load_photos(args.photos)
    framed = frame_photos(photos)
    lfw = skdata.lfw_subset()
    named = {name: photo_frame(name) for name in ("astronaut", "grace_hopper", "camera")}
    clip = browser_frames()

    detector = faces.FaceDetector(score_threshold=FLOOR)
    close = np.array([best_score(detector, p.gray) for p in photos])
    webcam = np.array([best_score(detector, f.gray, f.rect) for f in framed])
    lfw_faces = np.array([best_score(detector, lfw_frame(lfw, i)) for i in range(100)])
    non_faces = np.array([best_score(detector, lfw_frame(lfw, i)) for i in range(100, 200)])
    clip_scores = np.array([best_score(detector, g) for g in clip])
    sides = np.array([max((f.side for f in detector.detect(p.gray)), default=0) / p.gray.shape[0]
                      for p in photos])
    shipped = faces.FaceDetector()
    ms = cpu_ms(shipped.detect, framed[0].gray)
    empty_ms = cpu_ms(shipped.detect, np.full((480, 640), 100, np.uint8))

    n = len(photos)
    print(f"photos-dev: {n} photos; face box side / photo height on close-ups: median "
          f"{np.median(sides[sides > 0]):.2f}, 10th-90th percentile "
          f"{np.percentile(sides[sides > 0], 10):.2f}-{np.percentile(sides[sides > 0], 90):.2f}")
    print(f"BlazeFace short-range, CPU per 640x480 frame (1 thread, letterbox + net + decode): "
          f"{ms:.2f} ms with a face; {empty_ms:.2f} ms with none (two looks)")
    print("| score threshold | close-up found | 640x480 found | LFW faces found | LFW non-faces boxed "
          "| astronaut / Hopper / cameraman boxes | fake-camera frames found |")
    print("|---:|---:|---:|---:|---:|---|---:|")
    for t in THRESHOLDS:
        boxes = " / ".join(str(len(faces.FaceDetector(score_threshold=t).detect(g))) for g in named.values())
        shipped = " (shipped)" if t == faces.SCORE_THRESHOLD else ""
        found_close, found_webcam = _found(close, t), _found(webcam, t)
        print(f"| {t:.2f}{shipped} | {found_close.mean():.1%} ({found_close.sum()}/{n}) "
              f"| {found_webcam.mean():.1%} ({found_webcam.sum()}/{n}) "
              f"| {_found(lfw_faces, t).sum()}/100 | {_found(non_faces, t).sum()}/100 | {boxes} "
              f"| {_found(clip_scores, t).sum()}/{len(clip)} |")
        first_close, first_non = close[:, 0] >= t, non_faces[:, 0] >= t
        print(f"|   first look only | {first_close.mean():.1%} | {np.mean(webcam[:, 0] >= t):.1%} "
              f"| {(lfw_faces[:, 0] >= t).sum()}/100 | {first_non.sum()}/100 | | |")

    haar_close = np.mean([bool(haar_detect(p.gray)) for p in photos])
    haar_webcam = np.mean([any(_centred_in(b, f.rect) for b in haar_detect(f.gray)) for f in framed])
    haar_lfw = sum(bool(haar_detect(lfw_frame(lfw, i))) for i in range(100))
    haar_non = sum(bool(haar_detect(lfw_frame(lfw, i))) for i in range(100, 200))
    haar_named = " / ".join(str(len(haar_detect(g))) for g in named.values())
    haar_clip = sum(bool(haar_detect(g)) for g in clip)
    print(f"| Haar alt2 as shipped before | {haar_close:.1%} | {haar_webcam:.1%} | {haar_lfw}/100 "
          f"| {haar_non}/100 | {haar_named} | {haar_clip}/{len(clip)} |")
    print(f"Haar CPU per 640x480 frame: {cpu_ms(haar_detect, framed[0].gray):.2f} ms")
    missed = [p.name for p, found in zip(photos, _found(close, faces.SCORE_THRESHOLD)) if not found]
    print(f"close-ups missed at the shipped threshold ({len(missed)}): {', '.join(missed[:20])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
