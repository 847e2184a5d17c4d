"""Print the model's single-thread speed: faces/s (48x48 TFLite) and photo frames/s, against `fer`.

    python benchmarks/model_speed.py [--seconds 5] [--model PATH] [--repeats 3]
                                     [--fer-python /work/fer-venv/bin/python]

Floors (issue 15; measured, not asserted in tests): classification of one face at least
150 faces per CPU-second on one thread, and the whole photo path (decode a 640x480 JPEG,
detect, align, classify) at least 1.5 times as fast as the `fer` package's photo path
(decode, its Haar cascade, its TFLite mini-Xception), timed in the same run on the same JPEG.
`fer` imports TensorFlow, so it runs in its own interpreter (`--fer-python`, a venv with
`fer` installed: docs/model.md says how); ours and fer's alternate `--repeats` times and
each range is printed, as the machine is shared.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np
from skimage import data

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's code, not an installed one

from emotecare.pipeline.analyzer import VisionAnalyzer  # noqa: E402
from emotecare.vision.classifier import EmotionClassifier  # noqa: E402
from emotecare.vision.preprocess import FACE_SIZE, decode_gray, prepare_detected_face  # noqa: E402


def _rate(step, seconds: float) -> float:
    """Calls of `step()` per second of this process's CPU time, after two warm-up calls.

    CPU time, not wall time: everything runs on one thread, and the development machine is
    shared, so wall time mostly measures the other jobs.
    """
    step(), step()
    count, started, cpu_started = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - started < seconds:
        step()
        count += 1
    return count / max(time.process_time() - cpu_started, 1e-9)


# Timed in fer's own interpreter: its photo path on the JPEG file argv[1], per CPU-second.
_FER_PROBE = """
import json, sys, time
import cv2
from fer.fer import FER
cv2.setNumThreads(1)
data = open(sys.argv[1], "rb").read()
import numpy as np
detector = FER()
step = lambda: detector.detect_emotions(cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR))
assert step(), "fer found no face in the benchmark photo"
step()
count, started, cpu = 0, time.perf_counter(), time.process_time()
while time.perf_counter() - started < float(sys.argv[2]):
    step()
    count += 1
print(json.dumps({"frames_per_cpu_s": count / (time.process_time() - cpu)}))
"""


def fer_rate(python: str, jpeg_path: Path, seconds: float) -> float | None:
    """fer's photo path in frames per CPU-second, or None (with the reason printed)."""
    try:
        done = subprocess.run([python, "-c", _FER_PROBE, str(jpeg_path), str(seconds)],
                              capture_output=True, text=True, timeout=300,
                              env={"TF_CPP_MIN_LOG_LEVEL": "3", "OMP_NUM_THREADS": "1",
                                   "TF_NUM_INTRAOP_THREADS": "1", "TF_NUM_INTEROP_THREADS": "1",
                                   "PATH": "/usr/bin:/bin"})
    except (OSError, subprocess.TimeoutExpired) as exc:
        print(f"fer could not run: {exc}")
        return None
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        print(f"fer could not run (exit {done.returncode}): {done.stderr.strip().splitlines()[-1:]}")
        return None
    return json.loads(lines[-1])["frames_per_cpu_s"]


def _span(values: list[float], digits: int = 1) -> str:
    return f"{min(values):,.{digits}f}-{max(values):,.{digits}f}" if len(values) > 1 else f"{values[0]:,.{digits}f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--model", default=None)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--fer-python", default="/work/fer-venv/bin/python")
    args = parser.parse_args()
    cv2.setNumThreads(1)  # single thread throughout, like one Lambda vCPU

    classifier = EmotionClassifier(args.model, num_threads=1, batch_size=args.batch)
    faces = np.random.default_rng(0).integers(0, 256, (args.batch, FACE_SIZE, FACE_SIZE), np.uint8)
    single = EmotionClassifier(args.model, num_threads=1, batch_size=1)
    # A webcam-like 4:3 framing of the astronaut photo: head and shoulders, face ~180 px wide.
    frame = cv2.resize(cv2.cvtColor(data.astronaut()[0:264, 60:412], cv2.COLOR_RGB2BGR), (640, 480))
    jpeg = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 90])[1].tobytes()
    # The inference function's own analyzer (decode, detect, align, classify, its timings).
    analyzer = VisionAnalyzer(classifier=single)
    assert analyzer.analyze_bytes(jpeg).face_found, "benchmark photo should hold a face"
    gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    face = analyzer.detector.detect(gray)[0]

    rates: dict[str, list[float]] = {k: [] for k in ("batch", "one", "path", "fer", "ratio")}
    with tempfile.TemporaryDirectory() as folder:
        jpeg_path = Path(folder) / "frame.jpg"
        jpeg_path.write_bytes(jpeg)
        for _ in range(args.repeats):  # ours and fer's alternate, so both see the same load
            rates["batch"].append(_rate(lambda: classifier.predict(faces), args.seconds) * args.batch)
            rates["one"].append(_rate(lambda: single.predict(faces[:1]), args.seconds))
            path = _rate(lambda: analyzer.analyze_bytes(jpeg), args.seconds)
            rates["path"].append(path)
            fer = fer_rate(args.fer_python, jpeg_path, args.seconds)
            if fer:
                rates["fer"].append(fer)
                rates["ratio"].append(path / fer)
    decode_ms = 1000 / _rate(lambda: decode_gray(jpeg), 1.0)
    detect_ms = 1000 / _rate(lambda: analyzer.detector.detect(gray), 1.0)
    align_ms = 1000 / _rate(lambda: prepare_detected_face(gray, face), 1.0)

    print(f"{args.repeats} alternating runs of {args.seconds:g} s each; ranges are min-max")
    print(f"TFLite classification, 1 thread: one face per call {_span(rates['one'], 0)} faces per "
          f"CPU-second (floor >= 150); batches of {args.batch}: {_span(rates['batch'], 0)}")
    print(f"whole photo path (decode 640x480 JPEG -> detect -> align -> classify), 1 thread: "
          f"{_span(rates['path'])} frames per CPU-second; decode {decode_ms:.2f} ms, detect "
          f"{detect_ms:.2f} ms, align {align_ms:.2f} ms of CPU")
    if rates["fer"]:
        print(f"fer {_fer_version(args.fer_python)} photo path (decode -> Haar -> TFLite mini-Xception), "
              f"same JPEG: {_span(rates['fer'])} frames per CPU-second")
        print(f"ours / fer's, run by run: {', '.join(f'{r:.2f}x' for r in rates['ratio'])} (floor 1.5x)")


def _fer_version(python: str) -> str:
    done = subprocess.run([python, "-c", "import fer; print(fer.__version__)"], capture_output=True,
                          text=True, timeout=60)
    return done.stdout.strip() or "?"


if __name__ == "__main__":
    main()
