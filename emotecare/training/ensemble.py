"""Several trained networks as one model: each member sees the face and its mirror image, and
the model answers the mean of all their probabilities.

Built as one Keras graph so that it converts to one TFLite file with the same interface as a
single network ((N, 48, 48, 1) faces in [0, 1] -> (N, 7) probabilities): the inference Lambda
still makes one LiteRT call a batch, and members and flip averaging cannot drift apart
between what was measured and what is served.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import keras
import numpy as np
from keras import layers

from emotecare.training.evaluate import compute_metrics
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


def build_ensemble(networks: list[keras.Model]) -> keras.Model:
    """One model averaging every network's probabilities on the face and on its mirror image."""
    if not networks:
        raise ValueError("an ensemble needs at least one network")
    face = keras.Input((FACE_SIZE, FACE_SIZE, 1), name="face")
    flipped = keras.ops.flip(face, axis=2)
    outputs = []
    for index, network in enumerate(networks):
        # Renamed so that members saved under the same name can sit side by side in one graph.
        member = keras.Model(network.input, network.output, name=f"member_{index}")
        outputs += [member(face), member(flipped)]
    averaged = layers.Average(name="probabilities")(outputs) if len(outputs) > 1 else outputs[0]
    return keras.Model(face, averaged, name="emotion_ensemble")


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
    ensemble = compute_metrics(labels, np.argmax(np.mean(probabilities, axis=0), axis=1))
    return {"members": scored, "ensemble_holdout": ensemble}


def _headline(labels: np.ndarray, probabilities: np.ndarray) -> dict:
    metrics = compute_metrics(labels, np.argmax(probabilities, axis=1))
    return {"accuracy": metrics["accuracy"], "macro_f1": metrics["macro_f1"]}
