"""The ensemble graph averages its members on the face and its mirror image, and exports as one
TFLite model whose metrics name every member."""
from __future__ import annotations

import json

import numpy as np
import pytest

from emotecare_dev.cli.main import main
from emotecare_dev.training.ensemble import (build_ensemble, calibrated, calibration_error,
                                         fit_temperature, mirrored)
from emotecare_dev.training.train import BEST_MODEL
from emotecare.vision.preprocess import LABELS

pytestmark = pytest.mark.slow  # TensorFlow start-up and a compile


def _tiny_network(seed: int):
    import keras

    from emotecare_dev.training.model import make_model

    keras.utils.set_random_seed(seed)
    return make_model(widths=(4, 4, 8), blocks=(1, 1, 1))


def test_the_ensemble_answers_the_mean_of_each_member_on_the_face_and_its_mirror():
    first, second = _tiny_network(1), _tiny_network(2)
    faces = np.random.default_rng(0).random((5, 48, 48, 1)).astype("float32")
    # Asymmetric faces, so a graph that forgot to mirror would answer differently.
    faces[:, :, :10, :] = 1.0

    expected = np.mean([net.predict(x, verbose=0) for net in (first, second)
                        for x in (faces, mirrored(faces))], axis=0)
    answered = build_ensemble([first, second]).predict(faces, verbose=0)

    np.testing.assert_allclose(answered, expected, atol=1e-5)
    assert not np.allclose(first.predict(faces, verbose=0),
                           first.predict(mirrored(faces), verbose=0), atol=1e-4)


def test_a_temperature_under_one_sharpens_the_answer_without_changing_its_top():
    network = _tiny_network(3)
    faces = np.random.default_rng(1).random((6, 48, 48, 1)).astype("float32")

    plain = build_ensemble([network]).predict(faces, verbose=0)
    sharpened = build_ensemble([network], temperature=0.5).predict(faces, verbose=0)

    np.testing.assert_allclose(sharpened, calibrated(plain, 0.5), atol=1e-5)
    assert (sharpened.argmax(1) == plain.argmax(1)).all()
    assert (sharpened.max(1) > plain.max(1)).all()


def test_the_fitted_temperature_sharpens_answers_that_are_right_more_often_than_they_claim():
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 7, 2000)
    # Right on 90% of faces, but the top probability says only about 50%.
    top = np.where(rng.random(2000) < 0.9, labels, (labels + 1) % 7)
    probabilities = np.full((2000, 7), 0.5 / 6)
    probabilities[np.arange(2000), top] = 0.5

    fitted = fit_temperature(probabilities, labels)

    assert fitted["temperature"] < 1.0 and fitted["nll_after"] < fitted["nll_before"]
    assert fitted["ece_after"] < fitted["ece_before"] == pytest.approx(0.4, abs=0.03)
    assert calibration_error(calibrated(probabilities, fitted["temperature"]), labels) == \
        pytest.approx(fitted["ece_after"], abs=1e-4)


def test_an_empty_ensemble_is_refused():
    with pytest.raises(ValueError, match="at least one network"):
        build_ensemble([])


def test_export_of_two_members_writes_one_model_and_every_members_figures(trained_run, tmp_path,
                                                                         capsys):
    data, run = trained_run
    out = tmp_path / "artifacts"

    code = main(["model", "export", "--checkpoint", str(run / BEST_MODEL),
                 "--checkpoint", str(run / BEST_MODEL), "--data", str(data), "--out", str(out)])

    assert code == 0, capsys.readouterr().err
    metrics = json.loads((out / "metrics.json").read_text())
    assert len(metrics["ensemble"]["members"]) == 2 and metrics["ensemble"]["flip_averaging"]
    assert 0.5 <= metrics["ensemble"]["calibration"]["temperature"] <= 1.5
    member = metrics["ensemble"]["members"][0]
    assert {"holdout_plain", "holdout_with_flip", "parameters", "seed"} <= set(member)
    assert metrics["export"]["parity"] >= 0.99
    assert json.loads((out / "labels.json").read_text()) == list(LABELS)
    assert (out / "training_curves.png").stat().st_size > 0


def test_export_names_a_missing_checkpoint(tmp_path, capsys):
    code = main(["model", "export", "--checkpoint", str(tmp_path / "nope.keras")])

    assert code == 2 and "nope.keras not found" in capsys.readouterr().err
