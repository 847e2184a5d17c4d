"""The photo path: JPEG bytes in, the patient's face and its expression out.

`FrameAnalyzer` is the small interface the inference function depends on; `VisionAnalyzer`
implements it with the model package (`emotecare.vision`: decode, face detection, LiteRT
classifier). It is the one analyzer of a photo: the Lambda, `emotecare model analyze` and
`evaluate --photos`, and `benchmarks/model_speed.py` all run it, so what is timed and
measured is what ships. The analyzer is created on first use and cached, so a warm Lambda
loads the model once. OpenCV and LiteRT are imported here only, never by the API.
"""
from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

_REPO_MODEL_DIR = Path(__file__).resolve().parents[2] / "model_artifacts"


@dataclass(frozen=True)
class FrameResult:
    """One frame analysed: the largest face's box (x, y, w, h) and its 7 probabilities."""

    face_found: bool
    box: tuple[int, int, int, int] | None = None
    probabilities: dict[str, float] | None = None
    latency_ms: dict[str, float] = field(default_factory=dict)  # decode, detect, classify, cpu

    @property
    def expression(self) -> str | None:
        """The most probable expression, or None without a face."""
        return max(self.probabilities, key=self.probabilities.get) if self.probabilities else None

    def to_dict(self) -> dict:
        box = dict(zip(("x", "y", "width", "height"), self.box)) if self.box else None
        return {"face_found": self.face_found, "box": box, "expression": self.expression,
                "probabilities": self.probabilities}


class UndecodableFrameError(ValueError):
    """The frame's bytes are not an image the decoder can read."""


@dataclass(frozen=True)
class DecodedFrame:
    """A frame's pixels (grayscale) and what decoding them cost."""

    gray: Any
    decode_ms: float
    decode_cpu_ms: float


class FrameAnalyzer(Protocol):
    """Two steps, so a batch can be checked whole (every frame decodes) before any is analysed."""

    model_version: str

    def decode(self, jpeg: bytes) -> DecodedFrame: ...

    def analyze(self, frame: DecodedFrame) -> FrameResult: ...


class VisionAnalyzer:
    """`FrameAnalyzer` over `emotecare.vision`: the patient's face is the largest one found.

    `classifier` replaces the model in `model_dir` (another model file, or a stand-in in tests).
    """

    def __init__(self, model_dir: Path | None = None, classifier: Any = None):
        import cv2

        from emotecare.vision import classifier as classifiers, faces, preprocess  # OpenCV + LiteRT

        # One thread: Lambda gives the function one vCPU up to 1,769 MB, where OpenCV's worker
        # threads only contend; it also makes the thread CPU time below the frame's whole cost.
        cv2.setNumThreads(1)
        self._preprocess = preprocess
        self.detector = faces.FaceDetector()
        if classifier is None:
            model_path = Path(model_dir or _REPO_MODEL_DIR) / classifiers.MODEL_FILE
            classifier = classifiers.EmotionClassifier(model_path)
            self.model_version = _fingerprint(model_path)
        else:
            self.model_version = getattr(classifier, "model_version", type(classifier).__name__)
        self._classifier = classifier

    def decode(self, jpeg: bytes) -> DecodedFrame:
        started, cpu_started = time.perf_counter(), time.thread_time()
        gray = self._preprocess.decode_gray(jpeg)
        if gray is None:
            raise UndecodableFrameError("frame does not decode as an image")
        return DecodedFrame(gray, _ms(started, time.perf_counter()),
                            _ms(cpu_started, time.thread_time()))

    def analyze_bytes(self, jpeg: bytes) -> FrameResult:
        """Decode and analyse one photo (raises UndecodableFrameError when it is not an image)."""
        return self.analyze(self.decode(jpeg))

    def analyze_image(self, image: Any) -> FrameResult:
        """Analyse an already decoded image (gray, BGR or BGRA)."""
        return self.analyze(DecodedFrame(self._preprocess.to_gray(image), 0.0, 0.0))

    def analyze(self, frame: DecodedFrame) -> FrameResult:
        started, cpu_started = time.perf_counter(), time.thread_time()
        found = self.detector.detect(frame.gray)  # largest first
        detected = time.perf_counter()
        latency = {"decode": frame.decode_ms, "detect": _ms(started, detected)}
        box = probabilities = None
        if found:
            face = found[0]
            box = tuple(int(v) for v in face.box)
            scores = self._classifier.predict(self._preprocess.prepare_detected_face(frame.gray, face)[None])[0]
            latency["classify"] = _ms(detected, time.perf_counter())
            probabilities = {label: float(p) for label, p in zip(self._classifier.labels, scores)}
        # What a dedicated vCPU would spend on the frame, decoding included.
        latency["cpu"] = round(frame.decode_cpu_ms + _ms(cpu_started, time.thread_time()), 2)
        return FrameResult(bool(found), box, probabilities, latency)


_per_thread = threading.local()


def get_analyzer(model_dir: str | None) -> FrameAnalyzer:
    """This thread's analyzer for `model_dir` (default: `model_artifacts/` beside the code).

    One per thread: a Lambda runs one invocation at a time, so that is one per warm
    container; the local stack's concurrent pumps each get their own detector and
    interpreter instead of sharing ones that are not thread-safe.
    """
    cache = getattr(_per_thread, "analyzers", None)
    if cache is None:
        cache = _per_thread.analyzers = {}
    key = str(model_dir or _REPO_MODEL_DIR)
    if key not in cache:
        cache[key] = VisionAnalyzer(Path(key))
    return cache[key]


def _fingerprint(model_path: Path) -> str:
    """"<file stem>-<first 12 hex of its SHA-256>": names exactly the weights that ran."""
    return f"{model_path.stem}-{hashlib.sha256(model_path.read_bytes()).hexdigest()[:12]}"


def _ms(start: float, end: float) -> float:
    return round((end - start) * 1000, 2)
