"""One epoch on a tiny generated set, its export (parity), and `evaluate`'s JSON."""
from __future__ import annotations

import json

import pytest

from emotecare_dev.cli.main import main
from emotecare_dev.training.dataset import load_dataset
from emotecare_dev.training.ensemble import build_ensemble
from emotecare_dev.training.export import PARITY_BAR, SIZE_LIMIT_BYTES, export
from emotecare_dev.training.train import BEST_MODEL, CHECKPOINT, HISTORY, SNAPSHOTS, STATE, train
from emotecare.vision.preprocess import LABELS

pytestmark = pytest.mark.slow  # TensorFlow start-up and a compile: 10-30 s on 2 cores


def test_one_epoch_writes_checkpoint_best_model_history_and_state(trained_run):
    _, out = trained_run
    for name in (CHECKPOINT, BEST_MODEL, HISTORY, STATE):
        assert (out / name).exists(), name
    state = json.loads((out / STATE).read_text())
    assert state["epochs_done"] == 1 and state["n_holdout"] > 0 and len(state["data_sha256"]) == 64


def test_resume_continues_after_the_last_checkpoint(trained_run, tmp_path):
    data, out = trained_run
    resumed = tmp_path / "run"
    resumed.mkdir()
    for name in (CHECKPOINT, BEST_MODEL, HISTORY, STATE):
        (resumed / name).write_bytes((out / name).read_bytes())
    (resumed / SNAPSHOTS).mkdir()
    for snapshot in (out / SNAPSHOTS).iterdir():
        (resumed / SNAPSHOTS / snapshot.name).write_bytes(snapshot.read_bytes())
    state = json.loads((resumed / STATE).read_text())
    state["epochs"] = 2
    (resumed / STATE).write_text(json.dumps(state))

    final = train(data, resumed, resume=True, verbose=0)

    assert final["epochs_done"] == 2
    assert len((resumed / HISTORY).read_text().strip().splitlines()) == 3  # header + 2 epochs
    # The finished run averages its last epochs' weights and keeps them only if they score better.
    average = json.loads((resumed / STATE).read_text())["weight_average"]
    assert average["epochs"] == [1, 2] and 0 <= average["holdout"]["accuracy"] <= 1
    assert (final["best_epoch"] == "average of 1-2") == average["chosen"]


@pytest.fixture(scope="module")
def exported(trained_run, tmp_path_factory):
    data, out = trained_run
    tflite = tmp_path_factory.mktemp("export") / "emotion_cnn.tflite"
    import keras

    network = build_ensemble([keras.models.load_model(out / BEST_MODEL)])
    info = export(network, tflite, load_dataset(data, split="test").faces)
    return data, tflite, info


def test_export_agrees_with_keras_on_the_test_split(exported):
    _, tflite, info = exported
    assert info["parity"] >= PARITY_BAR and info["tflite_bytes"] <= SIZE_LIMIT_BYTES
    assert json.loads(tflite.with_name("labels.json").read_text()) == list(LABELS)


def test_evaluate_json_has_the_documented_shape(exported, capsys):
    data, tflite, _ = exported

    code = main(["model", "evaluate", str(data), "--split", "test", "--json",
                 "--model", str(tflite)])

    result = json.loads(capsys.readouterr().out)
    assert code == 0
    assert set(result) == {"n", "accuracy", "macro_f1", "per_class", "confusion", "skipped"}
    assert result["n"] == 84 and list(result["per_class"]) == list(LABELS)
    assert set(result["per_class"]["happy"]) == {"precision", "recall", "f1", "support"}
    assert len(result["confusion"]) == 7 and sum(map(sum, result["confusion"])) == 84


def test_evaluate_photos_reports_detection_rate(exported, capsys):
    data, tflite, _ = exported

    main(["model", "evaluate", str(data), "--split", "test", "--photos", "--json",
          "--model", str(tflite)])

    result = json.loads(capsys.readouterr().out)
    assert result["detection_rate"] == 0.0  # generated stripes are not faces
    assert result["accuracy"] == 0.0  # a photo without a face counts as wrong
