"""Print the model's single-thread speed: faces/s (48x48 TFLite) and photo frames/s.

    python benchmarks/model_speed.py [--seconds 5] [--model PATH]

Targets (issue 3; measured, not asserted in tests): >= 1,000 faces/s, and >= 50 frames/s for
the whole photo path: decode a 640x480 JPEG, detect faces, classify them.
"""
from __future__ import annotations

import argparse
import time

import cv2
import numpy as np
from skimage import data

from emotecare.vision.analyze import PhotoAnalyzer
from emotecare.vision.classifier import EmotionClassifier
from emotecare.vision.preprocess import FACE_SIZE, decode_gray


def _rate(step, seconds: float) -> float:
    """Calls of `step()` per second of this process's CPU time, after two warm-up calls.

    CPU time, not wall time: everything runs on one thread, and the development machine is
    shared, so wall time mostly measures the other jobs. `_wall_rate` gives wall time too.
    """
    step(), step()
    count, started, cpu_started = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - started < seconds:
        step()
        count += 1
    return count / max(time.process_time() - cpu_started, 1e-9)


def _wall_rate(step, seconds: float) -> float:
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        step()
        count += 1
    return count / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--model", default=None)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args()
    cv2.setNumThreads(1)  # single thread throughout, like one Lambda vCPU

    classifier = EmotionClassifier(args.model, num_threads=1, batch_size=args.batch)
    faces = np.random.default_rng(0).integers(0, 256, (args.batch, FACE_SIZE, FACE_SIZE), np.uint8)
    faces_per_s = _rate(lambda: classifier.predict(faces), args.seconds) * args.batch
    single = EmotionClassifier(args.model, num_threads=1, batch_size=1)
    one_face_per_s = _rate(lambda: single.predict(faces[:1]), args.seconds)

    # A webcam-like 4:3 framing of the astronaut photo: head and shoulders, face ~180 px wide.
    frame = cv2.resize(cv2.cvtColor(data.astronaut()[0:264, 60:412], cv2.COLOR_RGB2BGR), (640, 480))
    jpeg = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 90])[1].tobytes()
    analyzer = PhotoAnalyzer(classifier=single)
    assert len(analyzer.analyze_bytes(jpeg)) >= 1, "benchmark photo should hold a face"
    frames_per_s = _rate(lambda: analyzer.analyze_bytes(jpeg), args.seconds)
    wall_frames_per_s = _wall_rate(lambda: analyzer.analyze_bytes(jpeg), args.seconds)
    wall_faces_per_s = _wall_rate(lambda: classifier.predict(faces), args.seconds) * args.batch
    decode_ms = 1000 / _rate(lambda: decode_gray(jpeg), 1.0)
    gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    detect_ms = 1000 / _rate(lambda: analyzer.detector.detect(gray), 1.0)

    print(f"TFLite classification, 1 thread, batches of {args.batch}: {faces_per_s:,.0f} faces "
          f"per CPU-second (target >= 1,000); one face per call: {one_face_per_s:,.0f}")
    print(f"whole photo path (decode 640x480 JPEG -> detect -> classify), 1 thread: "
          f"{frames_per_s:,.1f} frames per CPU-second (target >= 50); decode {decode_ms:.1f} ms, "
          f"detect {detect_ms:.1f} ms of CPU")
    print(f"wall clock on this machine now (shared, so lower): {wall_faces_per_s:,.0f} faces/s, "
          f"{wall_frames_per_s:,.1f} frames/s")


if __name__ == "__main__":
    main()
