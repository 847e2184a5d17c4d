"""Several trained networks as one model: each member sees the face and its mirror image, and
the model answers the mean of all their probabilities.

Built as one Keras graph so that it converts to one TFLite file with the same interface as a
single network ((N, 48, 48, 1) faces in [0, 1] -> (N, 7) probabilities): the inference Lambda
still makes one LiteRT call a batch, and members and flip averaging cannot drift apart
between what was measured and what is served.

Averaging many softmaxes makes the answer less confident than it is right (session 6: on the
held-out slice, faces read at 0.7-0.8 were right 86% of the time). The graph therefore ends
with a temperature fitted on the held-out slice (lowest negative log-likelihood), which
sharpens the probabilities without changing which expression is on top, so the confidence the
therapist sees, and the panel's "uncertain" level, mean what they say.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import keras
import numpy as np
from keras import layers

from emotecare_dev.training.evaluate import compute_metrics
from emotecare.vision.preprocess import FACE_SIZE


@dataclass
class Member:
    """One trained network and the run that made it (train_state.json beside best.keras)."""

    run_dir: Path
    network: keras.Model
    state: dict

    @classmethod
    def load(cls, checkpoint: Path) -> "Member":
        state_path = checkpoint.parent / "train_state.json"
        state = json.loads(state_path.read_text()) if state_path.exists() else {}
        return cls(checkpoint.parent, keras.models.load_model(checkpoint), state)

    def describe(self) -> dict:
        return {"run": self.run_dir.name, "seed": self.state.get("seed"),
                "model_options": self.state.get("model_options", {}),
                "parameters": int(self.network.count_params()),
                "epochs": self.state.get("epochs_done"),
                "best_epoch": self.state.get("best_epoch"),
                "training_seconds": self.state.get("training_seconds")}


def mirrored(faces: np.ndarray) -> np.ndarray:
    """Faces (N, H, W, C) flipped left to right."""
    return faces[:, :, ::-1, :]


TEMPERATURES = np.round(np.arange(0.5, 1.501, 0.05), 2)  # the grid fit_temperature searches


def build_ensemble(networks: list[keras.Model], temperature: float = 1.0) -> keras.Model:
    """One model averaging every network's probabilities on the face and on its mirror image,
    then sharpened (temperature < 1) or softened (> 1) as `calibrated` does."""
    if not networks:
        raise ValueError("an ensemble needs at least one network")
    face = keras.Input((FACE_SIZE, FACE_SIZE, 1), name="face")
    flipped = keras.ops.flip(face, axis=2)
    outputs = []
    for index, network in enumerate(networks):
        # Renamed so that members saved under the same name can sit side by side in one graph.
        member = keras.Model(network.input, network.output, name=f"member_{index}")
        outputs += [member(face), member(flipped)]
    averaged = layers.Average()(outputs) if len(outputs) > 1 else outputs[0]
    sharpened = keras.ops.power(averaged, 1.0 / temperature)
    calibrated_output = sharpened / keras.ops.sum(sharpened, axis=-1, keepdims=True)
    return keras.Model(face, calibrated_output, name="emotion_ensemble")


def calibrated(probabilities: np.ndarray, temperature: float) -> np.ndarray:
    """Probabilities raised to 1/temperature and renormalised (what the graph's last step does)."""
    sharpened = np.power(probabilities, 1.0 / temperature)
    return sharpened / sharpened.sum(axis=1, keepdims=True)


def fit_temperature(probabilities: np.ndarray, labels: np.ndarray) -> dict:
    """The temperature of TEMPERATURES with the lowest negative log-likelihood, and the
    expected calibration error (ten bins of top probability) before and after."""
    def nll(temperature: float) -> float:
        chosen = calibrated(probabilities, temperature)[np.arange(len(labels)), labels]
        return float(-np.mean(np.log(np.maximum(chosen, 1e-12))))

    best = min(TEMPERATURES, key=nll)
    return {"temperature": float(best), "nll_before": round(nll(1.0), 4),
            "nll_after": round(nll(best), 4),
            "ece_before": round(calibration_error(probabilities, labels), 4),
            "ece_after": round(calibration_error(calibrated(probabilities, best), labels), 4)}


def calibration_error(probabilities: np.ndarray, labels: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error: |accuracy - mean top probability| per bin, weighted by size."""
    top, right = probabilities.max(axis=1), probabilities.argmax(axis=1) == labels
    edges = np.linspace(0.0, 1.0, bins + 1)
    error = 0.0
    for low, high in zip(edges, edges[1:]):
        inside = (top >= low) & ((top < high) if high < 1.0 else (top <= high))
        if inside.any():
            error += inside.mean() * abs(right[inside].mean() - top[inside].mean())
    return float(error)


def score_members(members: list[Member], faces: np.ndarray, labels: np.ndarray) -> dict:
    """Held-out figures of each member (plain and with flip averaging) and of their average.

    `faces` are normalised (N, 48, 48, 1); the members must not have trained on them.
    """
    scored, probabilities = [], []
    for member in members:
        plain = member.network.predict(faces, batch_size=512, verbose=0)
        with_flip = (plain + member.network.predict(mirrored(faces), batch_size=512, verbose=0)) / 2
        probabilities.append(with_flip)
        scored.append({**member.describe(),
                       "holdout_plain": _headline(labels, plain),
                       "holdout_with_flip": _headline(labels, with_flip)})
    averaged = np.mean(probabilities, axis=0)
    ensemble = compute_metrics(labels, np.argmax(averaged, axis=1))
    return {"members": scored, "ensemble_holdout": ensemble,
            "calibration": fit_temperature(averaged, labels)}


def _headline(labels: np.ndarray, probabilities: np.ndarray) -> dict:
    metrics = compute_metrics(labels, np.argmax(probabilities, axis=1))
    return {"accuracy": metrics["accuracy"], "macro_f1": metrics["macro_f1"]}
