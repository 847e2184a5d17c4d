"""Convert the trained network (or ensemble) to the TFLite model that ships, and check parity.

Parity: on test/, the TFLite model's top-1 label must agree with the Keras model's on at
least PARITY_BAR of the faces, so the exported file is the model we measured.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np

from emotecare.vision.classifier import LABELS_FILE, EmotionClassifier
from emotecare.vision.preprocess import LABELS, normalise

PARITY_BAR = 0.99
SIZE_LIMIT_BYTES = 20 * 1024 * 1024  # the product's limit on the shipped model file


def convert(keras_model, float16: bool = False) -> bytes:
    """Return TFLite flatbuffer bytes for a Keras model (float32, or float16 weights)."""
    import tensorflow as tf  # only the exporting machine needs TensorFlow

    converter = tf.lite.TFLiteConverter.from_keras_model(keras_model)
    if float16:
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
        converter.target_spec.supported_types = [tf.float16]
    return converter.convert()


def parity(keras_model, tflite_path: Path, faces: np.ndarray) -> float:
    """Fraction of faces (N, 48, 48) uint8 on which both models give the same top-1 label."""
    keras_top = np.argmax(keras_model.predict(normalise(faces), batch_size=256, verbose=0), 1)
    tflite_top = np.argmax(EmotionClassifier(tflite_path, num_threads=2).predict(faces), 1)
    return float(np.mean(keras_top == tflite_top))


def export(model, out_path: Path, parity_faces: np.ndarray) -> dict:
    """Write `model` (a Keras model) as TFLite and labels.json next to it; return size, sha256
    and parity.

    Float32 unless that exceeds the size limit, then float16 weights (half the size).
    Raises ValueError when parity stays under PARITY_BAR.
    """
    blob = convert(model)
    if len(blob) > SIZE_LIMIT_BYTES:
        blob = convert(model, float16=True)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_bytes(blob)
    out_path.with_name(LABELS_FILE).write_text(json.dumps(list(LABELS)) + "\n")
    agreement = parity(model, out_path, parity_faces)
    result = {"tflite_bytes": len(blob), "tflite_sha256": hashlib.sha256(blob).hexdigest(),
              "parity": round(agreement, 4), "parity_n": int(len(parity_faces))}
    if agreement < PARITY_BAR:
        raise ValueError(f"TFLite agrees with Keras on only {agreement:.2%} of the faces "
                         f"(bar {PARITY_BAR:.0%})")
    return result
