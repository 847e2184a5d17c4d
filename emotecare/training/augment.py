"""Training batches with random changes, made on the host with OpenCV and numpy.

Why not Keras's RandomRotation/Zoom/Translation layers inside the network: under JAX their
resampling, compiled into the training step, cost about 0.5 s a batch each on this CPU and
made a step take 0.8 s on an H200 (session 4), so a GPU trained no faster than this CPU.
One affine warp per face here costs microseconds, and the same code serves every backend.

Every batch's randomness comes from (seed, epoch, batch index), so a run is reproducible
whatever order the worker threads finish in, and a resumed run sees the batches it would
have seen.
"""
from __future__ import annotations

import cv2
import keras
import numpy as np

from emotecare.vision.preprocess import FACE_SIZE

MAX_ROTATION_DEGREES = 10
MAX_ZOOM = 0.1
# With the network's centre crop (model.CROP = 40 of 48) a shift of up to 4 px is the
# random-crop augmentation FER papers use.
MAX_SHIFT_PX = 4
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


class AugmentedBatches(keras.utils.PyDataset):
    """Shuffled, augmented (faces, one-hot targets, sample weights) batches for `fit`."""

    def __init__(self, faces: np.ndarray, targets: np.ndarray, sample_weights: np.ndarray,
                 batch_size: int, seed: int, first_epoch: int = 0, workers: int = 2):
        super().__init__(workers=workers, use_multiprocessing=False)
        self.faces, self.targets, self.sample_weights = faces, targets, sample_weights
        self.batch_size, self.seed, self.epoch = batch_size, seed, first_epoch
        self._shuffle()

    def __len__(self) -> int:
        return int(np.ceil(len(self.faces) / self.batch_size))

    def __getitem__(self, index: int):
        rows = self.order[index * self.batch_size:(index + 1) * self.batch_size]
        rng = np.random.default_rng((self.seed, self.epoch, index))
        faces = np.stack([augment_face(self.faces[row, :, :, 0], rng) for row in rows])
        return faces[..., None], self.targets[rows], self.sample_weights[rows]

    def on_epoch_end(self) -> None:
        self.epoch += 1
        self._shuffle()

    def _shuffle(self) -> None:
        self.order = np.random.default_rng((self.seed, self.epoch)).permutation(len(self.faces))
