"""Turn an image (or a face box inside it) into the classifier's input.

The single source of pre-processing: training (`emotecare.training.dataset`) and inference
(`emotecare.vision.analyze`, `emotecare.vision.classifier`) both import it, so the two cannot
drift apart.
"""
from __future__ import annotations

import cv2
import numpy as np

FACE_SIZE = 48  # FER2013's crop size; the network's input is FACE_SIZE x FACE_SIZE x 1.
LABELS = ("angry", "disgust", "fear", "happy", "neutral", "sad", "surprise")

# A detector's box is tighter than FER2013's crops (which show the whole head outline), so
# widen it a little before cropping.
FACE_MARGIN = 0.1


def decode_image(data: bytes) -> np.ndarray | None:
    """Decode JPEG/PNG bytes into a uint8 image (gray or BGR); None when undecodable."""
    return _decode(data, cv2.IMREAD_UNCHANGED)


def decode_gray(data: bytes) -> np.ndarray | None:
    """Decode JPEG/PNG bytes straight to 8-bit grayscale; None when undecodable.

    For JPEG the decoder skips the colour planes, a third cheaper than decoding colour and
    converting (the gray differs from `to_gray(decode_image(...))` by rounding only).
    """
    return _decode(data, cv2.IMREAD_GRAYSCALE)


def _decode(data: bytes, flags: int) -> np.ndarray | None:
    buffer = np.frombuffer(data, dtype=np.uint8)
    if buffer.size == 0:
        return None
    return cv2.imdecode(buffer, flags)


def to_gray(image: np.ndarray) -> np.ndarray:
    """Return a 2-D uint8 grayscale copy of a gray, BGR or BGRA image of any bit depth."""
    if image.dtype != np.uint8:
        # 16-bit PNGs exist in real datasets; scale them down instead of truncating.
        image = cv2.convertScaleAbs(image, alpha=255.0 / max(float(image.max()), 1.0))
    if image.ndim == 2:
        return image
    if image.shape[2] == 1:
        return image[:, :, 0]
    if image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
    return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


def crop_box(gray: np.ndarray, box: tuple[int, int, int, int],
             margin: float = FACE_MARGIN) -> np.ndarray:
    """Crop a square around box=(x, y, w, h), widened by `margin`, clipped to the image."""
    x, y, w, h = box
    side = max(w, h) * (1.0 + 2.0 * margin)
    cx, cy = x + w / 2.0, y + h / 2.0
    x0, y0 = int(round(cx - side / 2)), int(round(cy - side / 2))
    x1, y1 = int(round(cx + side / 2)), int(round(cy + side / 2))
    height, width = gray.shape[:2]
    x0, y0, x1, y1 = max(x0, 0), max(y0, 0), min(x1, width), min(y1, height)
    return gray[y0:y1, x0:x1]


def resize_face(gray: np.ndarray) -> np.ndarray:
    """Resize a 2-D face crop to FACE_SIZE x FACE_SIZE (area filter when shrinking)."""
    if gray.shape == (FACE_SIZE, FACE_SIZE):
        return gray
    shrinking = gray.shape[0] > FACE_SIZE or gray.shape[1] > FACE_SIZE
    interpolation = cv2.INTER_AREA if shrinking else cv2.INTER_LINEAR
    return cv2.resize(gray, (FACE_SIZE, FACE_SIZE), interpolation=interpolation)


def prepare_face(image: np.ndarray, box: tuple[int, int, int, int] | None = None) -> np.ndarray:
    """Crop (when a box is given), grayscale and resize: a FACE_SIZE x FACE_SIZE uint8 face."""
    gray = to_gray(image)
    if box is not None:
        gray = crop_box(gray, box)
    return resize_face(gray)


def normalise(faces: np.ndarray) -> np.ndarray:
    """Map uint8 faces (N, 48, 48) to the network's float32 input (N, 48, 48, 1) in [0, 1]."""
    faces = np.asarray(faces)
    if faces.ndim == 2:
        faces = faces[None]
    return (faces.astype(np.float32) / 255.0)[..., None]
