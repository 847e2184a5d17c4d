"""The one loader: folders and zips, both Kaggle vocabularies, unknown classes, bad images."""
from __future__ import annotations

import numpy as np
import pytest

from emotecare_dev.training.dataset import DatasetError, has_split, load_dataset, stratified_holdout
from emotecare.vision.preprocess import LABELS
from tests.model.conftest import KAGGLE_ANANTHU, KAGGLE_MSAMBARE, write_tree, zip_tree


@pytest.mark.parametrize("classes", [KAGGLE_MSAMBARE, KAGGLE_ANANTHU])
@pytest.mark.parametrize("as_zip", [False, True])
def test_loader_reads_both_kaggle_vocabularies_from_folder_and_zip(tmp_path, classes, as_zip):
    root = write_tree(tmp_path / "data", classes, per_class=3,
                      suffix=".png" if classes is KAGGLE_ANANTHU else ".jpg")
    path = zip_tree(root, tmp_path / "data.zip") if as_zip else root

    dataset = load_dataset(path, split="test")

    assert dataset.faces.shape == (21, 48, 48) and dataset.faces.dtype == np.uint8
    assert np.bincount(dataset.labels).tolist() == [3] * len(LABELS)
    assert dataset.skipped == 0 and len(dataset.sha256) == 64


def test_loader_maps_synonyms_case_insensitively(tmp_path):
    write_tree(tmp_path, ["Anger", "DISGUST", "Fear", "Happiness", "neutral", "Sadness",
                          "Surprised"], per_class=1, splits=())

    dataset = load_dataset(tmp_path)

    assert sorted(dataset.labels.tolist()) == list(range(len(LABELS)))


def test_unknown_class_folder_is_skipped_with_one_warning_line(tmp_path):
    write_tree(tmp_path, ["happy", "contempt"], per_class=3, splits=())
    warnings = []

    dataset = load_dataset(tmp_path, warn=warnings.append)

    assert len(dataset.labels) == 3 and dataset.unknown_classes == ["contempt"]
    assert len(warnings) == 1 and "contempt" in warnings[0]


def test_corrupt_image_is_skipped_and_counted(tmp_path):
    write_tree(tmp_path, ["sad"], per_class=2, splits=())
    (tmp_path / "sad" / "broken.jpg").write_bytes(b"\xff\xd8 not really a jpeg")
    (tmp_path / "sad" / "empty.png").write_bytes(b"")

    dataset = load_dataset(tmp_path)

    assert len(dataset.labels) == 2 and dataset.skipped == 2


def test_split_selection_and_missing_data(tmp_path, fer_folder):
    assert has_split(fer_folder, "train") and not has_split(fer_folder, "validation")
    assert len(load_dataset(fer_folder, split="train").labels) == 28
    assert len(load_dataset(fer_folder).labels) == 56  # both splits
    with pytest.raises(DatasetError, match="no usable image"):
        load_dataset(fer_folder, split="validation")
    with pytest.raises(DatasetError, match="does not exist"):
        load_dataset(tmp_path / "nowhere")


def test_stratified_holdout_takes_a_share_of_every_class():
    labels = np.repeat(np.arange(7), [50, 10, 50, 90, 60, 60, 40])

    train_idx, held_idx = stratified_holdout(labels, 0.1, seed=1)

    assert np.bincount(labels[held_idx]).tolist() == [5, 1, 5, 9, 6, 6, 4]
    assert len(set(train_idx) & set(held_idx)) == 0 and len(train_idx) + len(held_idx) == 360
