#!/usr/bin/env python3
"""Compare the Haar detector's scale step and neighbour count: detection on real photos against CPU time.

    python benchmarks/face_detector.py

LFW faces (scikit-image's subset: 100 faces, 100 non-faces, 25x25) enlarged to 120 px on a
grey 320x240 frame; the astronaut, Grace Hopper and the half-profile cameraman as 640x480
frames; detect time is thread CPU time on the astronaut frame (one thread, as on Lambda).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import cv2
import numpy as np
from skimage import data as skdata

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import emotecare.vision.faces as faces  # noqa: E402
from tests.support.frames import FACE_PHOTOS  # noqa: E402

CONFIGS = ((1.1, 5), (1.15, 5), (1.2, 5), (1.1, 4), (1.1, 3))  # (scale step, min neighbours)


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


def detect_ms(detector: faces.FaceDetector, gray: np.ndarray, seconds: float = 2.0) -> float:
    detector.detect(gray)
    count, cpu_started, started = 0, time.thread_time(), time.perf_counter()
    while time.perf_counter() - started < seconds:
        detector.detect(gray)
        count += 1
    return (time.thread_time() - cpu_started) / count * 1000


def main() -> int:
    cv2.setNumThreads(1)
    lfw = skdata.lfw_subset()
    photos = {name: photo_frame(name) for name in ("astronaut", "grace_hopper", "camera")}
    shipped = (faces.SCALE_FACTOR, faces.MIN_NEIGHBORS)
    for scale, neighbours in CONFIGS:
        faces.SCALE_FACTOR, faces.MIN_NEIGHBORS = scale, neighbours
        detector = faces.FaceDetector()
        found = sum(bool(detector.detect(lfw_frame(lfw, i))) for i in range(100))
        false = sum(bool(detector.detect(lfw_frame(lfw, i))) for i in range(100, 200))
        boxes = ", ".join(f"{name} {len(detector.detect(g))}" for name, g in photos.items())
        print(f"scale step {scale}, min neighbours {neighbours}"
              f"{' (shipped)' if (scale, neighbours) == shipped else ''}: LFW faces {found}/100, "
              f"non-faces boxed {false}/100; "
              f"boxes: {boxes}; "
              f"detect {detect_ms(detector, photos['astronaut']):.1f} ms CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
