"""Photo -> faces: each face's box and its seven expression probabilities.

The largest face is taken to be the patient's (the webcam is theirs; others are background).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from emotecare.vision.classifier import EmotionClassifier
from emotecare.vision.faces import FaceDetector
from emotecare.vision.preprocess import decode_gray, prepare_detected_face, to_gray


class ImageDecodeError(ValueError):
    """The bytes are not an image OpenCV can decode."""


@dataclass
class FaceResult:
    box: tuple[int, int, int, int]  # x, y, width, height in the photo's pixels
    probabilities: dict[str, float]
    is_patient: bool

    @property
    def label(self) -> str:
        return max(self.probabilities, key=self.probabilities.get)

    def to_dict(self) -> dict:
        x, y, w, h = self.box
        return {"box": {"x": x, "y": y, "width": w, "height": h}, "label": self.label,
                "is_patient": self.is_patient, "probabilities": self.probabilities}


class PhotoAnalyzer:
    """Detect faces and classify each; detector and classifier are handed in or defaulted."""

    def __init__(self, detector: FaceDetector | None = None,
                 classifier: EmotionClassifier | None = None):
        self.detector = detector or FaceDetector()
        self.classifier = classifier or EmotionClassifier()

    def analyze(self, image: np.ndarray) -> list[FaceResult]:
        """Faces in a decoded image (gray, BGR or BGRA), the patient's first."""
        gray = to_gray(image)
        found = self.detector.detect(gray)  # largest first
        if not found:
            return []
        faces = np.stack([prepare_detected_face(gray, face) for face in found])
        probabilities = self.classifier.predict(faces)
        return [FaceResult(face.box, {label: round(float(p), 4)
                                      for label, p in zip(self.classifier.labels, row)}, i == 0)
                for i, (face, row) in enumerate(zip(found, probabilities))]

    def analyze_bytes(self, data: bytes) -> list[FaceResult]:
        """Faces in JPEG/PNG bytes; raises ImageDecodeError when they are not an image."""
        image = decode_gray(data)
        if image is None:
            raise ImageDecodeError("not a decodable JPEG or PNG image")
        return self.analyze(image)
