"""Tiny generated data sets for the model tests (never FER2013 images)."""
from __future__ import annotations

import zipfile
from pathlib import Path

import cv2
import numpy as np
import pytest

KAGGLE_MSAMBARE = ["angry", "disgust", "fear", "happy", "neutral", "sad", "surprise"]
KAGGLE_ANANTHU = ["angry", "disgusted", "fearful", "happy", "neutral", "sad", "surprised"]


def make_image(rng: np.random.Generator, class_index: int, size: int = 48,
               colour: bool = False) -> np.ndarray:
    """A noisy image whose bright band's position depends on the class (learnable)."""
    image = rng.integers(0, 60, (size, size), dtype=np.uint8)
    row = int((class_index + 0.5) * size / 7)
    image[max(row - 3, 0):row + 3, :] = 220
    return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR) if colour else image


def write_tree(root: Path, classes: list[str], per_class: int, splits=("train", "test"),
               suffix: str = ".jpg", seed: int = 0) -> Path:
    """Write <split>/<class>/<image> (or <class>/<image> when splits is empty)."""
    rng = np.random.default_rng(seed)
    for split in splits or [""]:
        for index, name in enumerate(classes):
            folder = root / split / name
            folder.mkdir(parents=True, exist_ok=True)
            for k in range(per_class):
                colour = k % 2 == 1  # mix gray and colour, and sizes, like real downloads
                size = 48 if k % 3 else 64
                cv2.imwrite(str(folder / f"img_{k}{suffix}"), make_image(rng, index, size, colour))
    return root


def zip_tree(root: Path, zip_path: Path) -> Path:
    with zipfile.ZipFile(zip_path, "w") as archive:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(root).as_posix())
    return zip_path


@pytest.fixture
def fer_folder(tmp_path: Path) -> Path:
    return write_tree(tmp_path / "fer", KAGGLE_MSAMBARE, per_class=4)


@pytest.fixture(scope="session")
def trained_run(tmp_path_factory) -> tuple[Path, Path]:
    """(data folder, training folder) after one epoch on a tiny generated set."""
    from emotecare_dev.training.train import train

    base = tmp_path_factory.mktemp("tiny_training")
    data = write_tree(base / "data", KAGGLE_MSAMBARE, per_class=12)
    out = base / "run"
    train(data, out, epochs=1, verbose=0,
          model_options={"widths": (8, 8, 16, 16, 16), "blocks": (1, 1, 1, 1, 1)})
    return data, out
