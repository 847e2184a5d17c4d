"""The real photos of ../shared/datasets/photos-dev.zip, as they are and as webcam-like frames.

Read straight from the zip (its images are never copied into the project). The webcam-like
variant pastes each photo into a 640x480 frame at a random place, scaled so that its height
is 40-60% of the frame's: the face fills about four fifths of these close-ups (the detector's
box is 0.8-0.9 of the photo's height on most), so the face spans about a third to a half of
the frame's height, as a patient sits before a webcam. The draws come from a fixed seed.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from tests.support.datasets import shared_dataset

FRAME_W, FRAME_H = 640, 480
PHOTO_HEIGHT_SHARE = (0.4, 0.6)
SEED = 15


@dataclass(frozen=True)
class Photo:
    name: str  # <class>/<file>.jpg inside the zip
    label: str
    gray: np.ndarray


@dataclass(frozen=True)
class Framed:
    gray: np.ndarray  # the 640x480 frame
    rect: tuple[int, int, int, int]  # where the photo sits: x, y, width, height


def find_zip(path: str | Path | None = None) -> Path:
    """The photos-dev zip: `path`, or ../shared/datasets/photos-dev.zip beside the checkout."""
    found = Path(path) if path else shared_dataset("photos-dev.zip")
    if found is None or not found.is_file():
        raise SystemExit(f"photos-dev.zip not found ({path or '../shared/datasets/'}): pass --photos PATH")
    return found


def load_photos(path: str | Path | None = None) -> list[Photo]:
    """Every photo of the zip, decoded to gray, in name order."""
    photos = []
    with zipfile.ZipFile(find_zip(path)) as archive:
        for name in sorted(n for n in archive.namelist() if n.lower().endswith((".jpg", ".jpeg", ".png"))):
            gray = cv2.imdecode(np.frombuffer(archive.read(name), np.uint8), cv2.IMREAD_GRAYSCALE)
            if gray is not None:
                photos.append(Photo(name, name.split("/")[-2], gray))
    return photos


def frame_photos(photos: list[Photo], seed: int = SEED) -> list[Framed]:
    """Each photo pasted into its own 640x480 frame (random size within the share, random place)."""
    rng = np.random.default_rng(seed)
    framed = []
    for photo in photos:
        height = int(FRAME_H * rng.uniform(*PHOTO_HEIGHT_SHARE))
        width = min(FRAME_W, round(photo.gray.shape[1] * height / photo.gray.shape[0]))
        small = cv2.resize(photo.gray, (width, height), interpolation=cv2.INTER_AREA)
        # A dim, slightly uneven room behind the patient rather than a flat card.
        frame = np.clip(rng.normal(100, 6, (FRAME_H, FRAME_W)) + np.linspace(-20, 20, FRAME_W), 0, 255)
        frame = frame.astype(np.uint8)
        x, y = int(rng.integers(0, FRAME_W - width + 1)), int(rng.integers(0, FRAME_H - height + 1))
        frame[y:y + height, x:x + width] = small
        framed.append(Framed(frame, (x, y, width, height)))
    return framed
