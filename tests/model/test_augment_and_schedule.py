"""The training recipe's pieces that need no training: augmentation, learning rate, budget."""
from __future__ import annotations

import numpy as np
import pytest

from emotecare_dev.training.augment import augment_epoch, augment_face
from emotecare_dev.training.train import (PEAK_LEARNING_RATE, WARMUP_EPOCHS, epochs_within_budget,
                                          learning_rate_at, snapshot_epochs, snapshot_name)


def _faces(n: int = 16) -> np.ndarray:
    rng = np.random.default_rng(0)
    faces = np.zeros((n, 48, 48, 1), dtype="float32")
    faces[:, 10:20, 5:30, 0] = 1.0  # a bright block off-centre, so flips and shifts show
    return faces + rng.random(faces.shape).astype("float32") * 0.05


def test_an_epoch_is_the_same_for_the_same_seed_and_epoch_and_differs_otherwise():
    faces = _faces()
    first = augment_epoch(faces, seed=3, epoch=5)
    assert np.array_equal(first, augment_epoch(faces, seed=3, epoch=5))
    assert not np.allclose(first, augment_epoch(faces, seed=3, epoch=6))
    assert not np.allclose(first, augment_epoch(faces, seed=4, epoch=5))
    assert first.shape == faces.shape and first.dtype == faces.dtype


def test_augmented_faces_stay_in_range_and_change_but_keep_most_of_the_face():
    faces = _faces(64)
    changed = augment_epoch(faces, seed=1, epoch=0)
    assert changed.min() >= 0.0 and changed.max() <= 1.06
    differences = np.abs(changed - faces).mean(axis=(1, 2, 3))
    assert (differences > 0.01).all()  # every face is warped
    # Small changes: the bright block's mass moves but most of it survives.
    assert np.median(changed.sum(axis=(1, 2, 3)) / faces.sum(axis=(1, 2, 3))) == pytest.approx(1, abs=0.2)


def test_the_input_faces_are_never_modified():
    faces = _faces()
    before = faces.copy()
    augment_epoch(faces, seed=1, epoch=0)
    augment_face(faces[0, :, :, 0], np.random.default_rng(0))
    assert np.array_equal(faces, before)


def test_learning_rate_warms_up_peaks_then_decays_to_one_percent():
    epochs = 30
    rates = [learning_rate_at(epoch, epochs) for epoch in range(epochs)]
    assert rates[0] < rates[1] < rates[WARMUP_EPOCHS] == pytest.approx(PEAK_LEARNING_RATE)
    decay = rates[WARMUP_EPOCHS:]
    assert all(a >= b for a, b in zip(decay, decay[1:]))
    assert learning_rate_at(epochs, epochs) == pytest.approx(PEAK_LEARNING_RATE * 0.01)
    assert learning_rate_at(epochs + 5, epochs) == pytest.approx(PEAK_LEARNING_RATE * 0.01)


@pytest.mark.parametrize("planned, done, elapsed, epoch_s, budget, expected", [
    (300, 2, 20.0, 4.0, 200.0, 2 + 40),   # 0.9 * 200 - 20 = 160 s left: 40 more epochs
    (30, 2, 20.0, 4.0, 200.0, 30),        # the plan fits: unchanged
    (300, 2, 190.0, 4.0, 200.0, 3),       # already over: still one more epoch
])
def test_epochs_within_budget(planned, done, elapsed, epoch_s, budget, expected):
    assert epochs_within_budget(planned, done, elapsed, epoch_s, budget) == expected


def test_snapshots_past_99_epochs_order_by_number(tmp_path):
    # A 105-epoch run once averaged epochs 92-99: "epoch_100" sorts before "epoch_92" as text.
    for epoch in (98, 99):
        (tmp_path / f"epoch_{epoch:02d}.weights.h5").touch()  # names from before the fix
    for epoch in (100, 104, 105):
        (tmp_path / snapshot_name(epoch)).touch()
    (tmp_path / "epoch_final.weights.h5").touch()  # not a numbered snapshot

    assert [epoch for epoch, _ in snapshot_epochs(tmp_path)][-3:] == [100, 104, 105]
    assert [epoch for epoch, _ in snapshot_epochs(tmp_path)] == [98, 99, 100, 104, 105]
