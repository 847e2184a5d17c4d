"""Load a facial-expression data set from a folder or a .zip into 48x48 grayscale arrays.

Layouts: `<split>/<class>/<image>` or `<class>/<image>` (optionally under one more top
folder), jpg or png of any size or colour. Class folders map case-insensitively onto LABELS,
with the synonyms of both Kaggle FER2013 downloads. A class folder the loader does not know is
skipped with one warning line; an image that cannot be decoded is skipped and counted.
"""
from __future__ import annotations

import hashlib
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import numpy as np

from emotecare.vision.preprocess import FACE_SIZE, LABELS, decode_image, prepare_face

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png"}

# Folder names real data sets use; `ananthu017/emotion-detection-fer` says disgusted,
# fearful and surprised, others say anger, happiness, sadness.
CLASS_SYNONYMS = {
    "anger": "angry", "angry": "angry",
    "disgust": "disgust", "disgusted": "disgust",
    "fear": "fear", "fearful": "fear",
    "happy": "happy", "happiness": "happy",
    "neutral": "neutral",
    "sad": "sad", "sadness": "sad",
    "surprise": "surprise", "surprised": "surprise",
}


class DatasetError(Exception):
    """The path is missing, or holds no usable image for the request."""


@dataclass
class Dataset:
    """Faces (N, 48, 48) uint8, labels (N,) indices into LABELS, and what was left out."""

    faces: np.ndarray
    labels: np.ndarray
    skipped: int = 0
    unknown_classes: list[str] = field(default_factory=list)
    sha256: str = ""  # over the used images' relative paths and bytes, in sorted order
    paths: list[str] = field(default_factory=list)
    images: list[np.ndarray] = field(default_factory=list)  # decoded originals, if kept


def _iter_files(root: Path):
    """Yield (relative posix path, zero-argument reader of its bytes) for every file."""
    if root.is_dir():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            yield path.relative_to(root).as_posix(), path.read_bytes
    elif zipfile.is_zipfile(root):
        archive = zipfile.ZipFile(root)
        for name in sorted(n for n in archive.namelist() if not n.endswith("/")):
            yield name, (lambda n=name: archive.read(n))
    else:
        raise DatasetError(f"{root} is neither a folder nor a .zip file")


def _select(rel: str, split: str | None) -> str | None:
    """Return the class folder of an image entry that belongs to the split, else None."""
    parts = PurePosixPath(rel).parts
    if len(parts) < 2 or PurePosixPath(rel).suffix.lower() not in IMAGE_SUFFIXES:
        return None
    if any(part.startswith(".") or part == "__MACOSX" for part in parts):
        return None
    if split is not None and (len(parts) < 3 or parts[-3].lower() != split.lower()):
        return None
    return parts[-2]


def load_dataset(path: str | Path, split: str | None = None, warn=None,
                 keep_images: bool = False) -> Dataset:
    """Read every image of `split` (or of the whole tree when None) as a 48x48 gray face.

    `keep_images` also keeps each decoded original (photos, for face detection).
    """
    root = Path(path)
    if not root.exists():
        raise DatasetError(f"{root} does not exist")
    warn = warn or (lambda line: print(line, file=sys.stderr))
    faces, labels, paths, images, unknown = [], [], [], [], {}
    skipped = 0
    digest = hashlib.sha256()
    for rel, read in _iter_files(root):
        folder = _select(rel, split)
        if folder is None:
            continue
        label = CLASS_SYNONYMS.get(folder.lower())
        if label is None:
            unknown[folder] = unknown.get(folder, 0) + 1
            continue
        data = read()
        image = decode_image(data)
        if image is None or image.size == 0:
            skipped += 1
            continue
        faces.append(prepare_face(image))
        if keep_images:
            images.append(image)
        labels.append(LABELS.index(label))
        paths.append(rel)
        digest.update(rel.encode() + b"\0" + hashlib.sha256(data).digest())
    for folder, count in sorted(unknown.items()):
        warn(f"warning: skipped class folder '{folder}' ({count} images): not one of "
             f"{', '.join(LABELS)}")
    if not faces:
        where = f"split '{split}' of {root}" if split else str(root)
        raise DatasetError(f"no usable image in {where}")
    return Dataset(np.stack(faces).reshape(-1, FACE_SIZE, FACE_SIZE),
                   np.asarray(labels, dtype=np.int64), skipped, sorted(unknown),
                   digest.hexdigest(), paths, images)


def has_split(path: str | Path, split: str) -> bool:
    """Whether the data holds a `<split>/<class>/<image>` part named `split`."""
    root = Path(path)
    return any(_select(rel, split) is not None for rel, _ in _iter_files(root))


def stratified_holdout(labels: np.ndarray, fraction: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Split indices into (train, held-out), taking `fraction` of every class for held-out."""
    rng = np.random.default_rng(seed)
    train_idx, held_idx = [], []
    for label in np.unique(labels):
        idx = rng.permutation(np.flatnonzero(labels == label))
        cut = int(round(len(idx) * fraction))
        held_idx.append(idx[:cut])
        train_idx.append(idx[cut:])
    return np.sort(np.concatenate(train_idx)), np.sort(np.concatenate(held_idx))
