"""Classify 48x48 faces with the exported TFLite model through LiteRT (no TensorFlow)."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from emotecare.vision.preprocess import LABELS, normalise

ARTIFACTS = Path(__file__).resolve().parents[2] / "model_artifacts"
MODEL_FILE = "emotion_cnn.tflite"
LABELS_FILE = "labels.json"


def default_model_path() -> Path:
    """The shipped model (a deployment points elsewhere through `Settings.model_dir`)."""
    return ARTIFACTS / MODEL_FILE


class EmotionClassifier:
    """Batch classifier over a TFLite model; the LiteRT interpreter is created on first use."""

    def __init__(self, model_path: str | Path | None = None, num_threads: int = 1,
                 batch_size: int = 64):
        self.model_path = Path(model_path) if model_path else default_model_path()
        self.num_threads = num_threads
        self.batch_size = batch_size
        self._interpreter = None
        self._batch = 0
        labels_path = self.model_path.with_name(LABELS_FILE)
        self.labels = tuple(json.loads(labels_path.read_text())) if labels_path.exists() else LABELS

    def _get_interpreter(self, batch: int):
        if self._interpreter is None:
            # Imported here so that merely importing this module stays cheap.
            from ai_edge_litert.interpreter import Interpreter
            if not self.model_path.exists():
                raise FileNotFoundError(f"model file {self.model_path} not found")
            self._interpreter = Interpreter(model_path=str(self.model_path),
                                            num_threads=self.num_threads)
        if batch != self._batch:  # resizing re-plans memory: only when the batch size changes
            index = self._interpreter.get_input_details()[0]["index"]
            self._interpreter.resize_tensor_input(index, (batch, *self.input_shape[1:]))
            self._interpreter.allocate_tensors()
            self._batch = batch
        return self._interpreter

    @property
    def input_shape(self) -> tuple[int, ...]:
        return (1, 48, 48, 1)

    def predict_inputs(self, inputs: np.ndarray) -> np.ndarray:
        """Probabilities (N, 7) for already normalised inputs (N, 48, 48, 1) float32."""
        outputs = []
        for start in range(0, len(inputs), self.batch_size):
            chunk = np.ascontiguousarray(inputs[start:start + self.batch_size], dtype=np.float32)
            interpreter = self._get_interpreter(len(chunk))
            interpreter.set_tensor(interpreter.get_input_details()[0]["index"], chunk)
            interpreter.invoke()
            outputs.append(interpreter.get_tensor(interpreter.get_output_details()[0]["index"]))
        if not outputs:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        return np.concatenate(outputs)

    def predict(self, faces: np.ndarray) -> np.ndarray:
        """Probabilities (N, 7), in `labels` order, for uint8 faces (N, 48, 48)."""
        return self.predict_inputs(normalise(faces))
