"""Turn an image (or a face box inside it) into the classifier's input.

The single source of pre-processing: training (`emotecare_dev.training.dataset`) and inference
(`emotecare.pipeline.analyzer`, `emotecare.vision.classifier`) both import it, so the two cannot
drift apart.
"""
from __future__ import annotations

import math

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


# Framing of a detected face, chosen by the shipped classifier's accuracy on real photos
# (benchmarks/face_alignment.py; the grid and the figures are in docs/model.md, "Alignment"):
# the crop's side as a multiple of the detector's box side, and how far below the eyes'
# midpoint its centre lies, in box sides, measured along the face's own vertical axis.
ALIGN_SCALE = 1.3
ALIGN_DROP = 0.15
# Rotate at no more than this resolution before the final area-filtered shrink to 48x48:
# a few times 48 keeps the detail the area filter averages, at a fraction of a big warp's cost.
_ALIGN_WORK_SIDE = 192


def align_face(gray: np.ndarray, right_eye: tuple[float, float], left_eye: tuple[float, float],
               box_side: float, scale: float = ALIGN_SCALE, drop: float = ALIGN_DROP) -> np.ndarray:
    """A FACE_SIZE x FACE_SIZE uint8 face from a 2-D gray image, eyes levelled.

    `right_eye`/`left_eye` are the subject's eyes in pixels (x, y) and `box_side` the
    detector's (unclipped) box side. Pixels beyond the image repeat its edge, as a close-up
    photo's face often runs off the frame.
    """
    (rx, ry), (lx, ly) = right_eye, left_eye
    angle = math.atan2(ly - ry, lx - rx)  # > 0 when the face leans so its left eye is lower
    eyes_x, eyes_y = (rx + lx) / 2, (ry + ly) / 2
    # The face's downward axis is the eye line turned by 90 degrees.
    centre = (eyes_x - math.sin(angle) * drop * box_side, eyes_y + math.cos(angle) * drop * box_side)
    side = max(scale * box_side, 1.0)
    work = int(min(max(round(side), FACE_SIZE), _ALIGN_WORK_SIDE))
    matrix = cv2.getRotationMatrix2D(centre, math.degrees(angle), work / side)
    matrix[:, 2] += (work / 2 - centre[0], work / 2 - centre[1])
    levelled = cv2.warpAffine(gray, matrix, (work, work), flags=cv2.INTER_LINEAR,
                              borderMode=cv2.BORDER_REPLICATE)
    return resize_face(levelled)


def prepare_detected_face(image: np.ndarray, face) -> np.ndarray:
    """The classifier's 48x48 uint8 input for a detected `face` (a `faces.Face`) in `image`."""
    return align_face(to_gray(image), face.right_eye, face.left_eye, face.side)


def normalise(faces: np.ndarray) -> np.ndarray:
    """Map uint8 faces (N, 48, 48) to the network's float32 input (N, 48, 48, 1) in [0, 1]."""
    faces = np.asarray(faces)
    if faces.ndim == 2:
        faces = faces[None]
    return (faces.astype(np.float32) / 255.0)[..., None]
