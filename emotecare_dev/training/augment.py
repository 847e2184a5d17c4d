"""Randomly changed copies of the training faces, one per epoch, made on the host with OpenCV.

Why not Keras's RandomRotation/Zoom/Translation layers inside the network: under JAX their
resampling, compiled into the training step, cost about 0.5 s a batch each on this CPU and
made a step take 0.8 s on an H200 (session 4), so a GPU trained no faster than this CPU.
One affine warp per face here costs about 44 us (1.1 s for an epoch of FER2013), and the
same code serves every backend. A whole epoch is changed at once and handed to `fit` as
arrays: a Keras PyDataset feeding batches made TensorFlow's steps 40% slower here.

An epoch's randomness comes from (seed, epoch) alone, so a resumed run sees the faces it
would have seen.
"""
from __future__ import annotations

import cv2
import numpy as np

from emotecare_dev.training.model import CROP
from emotecare.vision.preprocess import FACE_SIZE

MAX_ROTATION_DEGREES = 10
MAX_ZOOM = 0.1
# With the network's centre crop, a shift of up to the cropped margin is the random-crop
# augmentation FER papers use (4 px for 40 of 48).
MAX_SHIFT_PX = (FACE_SIZE - CROP) / 2
ERASE_PROBABILITY = 0.5
ERASE_AREA = (0.02, 0.15)
ERASE_ASPECT = (0.3, 3.3)


def augment_face(face: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """One randomly changed copy of a (48, 48) float face in [0, 1]."""
    if rng.random() < 0.5:
        face = face[:, ::-1]
    centre = ((FACE_SIZE - 1) / 2, (FACE_SIZE - 1) / 2)
    matrix = cv2.getRotationMatrix2D(centre, rng.uniform(-MAX_ROTATION_DEGREES, MAX_ROTATION_DEGREES),
                                     1 + rng.uniform(-MAX_ZOOM, MAX_ZOOM))
    matrix[:, 2] += rng.uniform(-MAX_SHIFT_PX, MAX_SHIFT_PX, size=2)
    face = cv2.warpAffine(np.ascontiguousarray(face), matrix, (FACE_SIZE, FACE_SIZE),
                          flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT_101)
    if rng.random() < ERASE_PROBABILITY:
        _erase_patch(face, rng)
    return face


def _erase_patch(face: np.ndarray, rng: np.random.Generator) -> None:
    """Replace a random rectangle with noise, so no single region (a mouth) decides alone."""
    area = rng.uniform(*ERASE_AREA) * FACE_SIZE * FACE_SIZE
    aspect = np.exp(rng.uniform(*np.log(ERASE_ASPECT)))
    height = min(int(round(np.sqrt(area * aspect))), FACE_SIZE)
    width = min(int(round(np.sqrt(area / aspect))), FACE_SIZE)
    top = rng.integers(0, FACE_SIZE - height + 1)
    left = rng.integers(0, FACE_SIZE - width + 1)
    face[top:top + height, left:left + width] = rng.random((height, width))


def augment_epoch(faces: np.ndarray, seed: int, epoch: int) -> np.ndarray:
    """A randomly changed copy of (N, 48, 48, 1) float faces, drawn from (seed, epoch)."""
    rng = np.random.default_rng((seed, epoch))
    changed = np.empty_like(faces)
    for row in range(len(faces)):
        changed[row, :, :, 0] = augment_face(faces[row, :, :, 0], rng)
    return changed
