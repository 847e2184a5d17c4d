"""Score a classifier on a labelled data set: accuracy, macro-F1, per-class figures, confusion.

Numpy only (no TensorFlow), so the same metrics serve training (model selection on the
held-out slice) and `emotecare model evaluate` (the shipped TFLite model through LiteRT).
"""
from __future__ import annotations

import numpy as np

from emotecare.vision.preprocess import LABELS

NO_FACE = -1  # a photo in which no face was found: counted as a wrong prediction


def confusion_matrix(labels: np.ndarray, predicted: np.ndarray,
                     num_classes: int = len(LABELS)) -> np.ndarray:
    """Counts [true, predicted]; predictions of NO_FACE appear in no column."""
    matrix = np.zeros((num_classes, num_classes), dtype=np.int64)
    found = predicted >= 0
    np.add.at(matrix, (labels[found], predicted[found]), 1)
    return matrix


def compute_metrics(labels: np.ndarray, predicted: np.ndarray) -> dict:
    """Return n, accuracy, macro_f1, per_class (precision/recall/f1/support) and confusion."""
    labels, predicted = np.asarray(labels), np.asarray(predicted)
    matrix = confusion_matrix(labels, predicted)
    support = np.bincount(labels, minlength=len(LABELS))
    true_positive = np.diag(matrix).astype(float)
    predicted_count = matrix.sum(axis=0).astype(float)
    precision = np.divide(true_positive, predicted_count, out=np.zeros(len(LABELS)),
                          where=predicted_count > 0)
    recall = np.divide(true_positive, support, out=np.zeros(len(LABELS)), where=support > 0)
    denominator = precision + recall
    f1 = np.divide(2 * precision * recall, denominator, out=np.zeros(len(LABELS)),
                   where=denominator > 0)
    present = support > 0  # a class absent from the data would drag macro-F1 down unfairly
    return {
        "n": int(len(labels)),
        "accuracy": round(float(np.mean(predicted == labels)), 4) if len(labels) else 0.0,
        "macro_f1": round(float(f1[present].mean()), 4) if present.any() else 0.0,
        "per_class": {
            label: {"precision": round(float(precision[i]), 4),
                    "recall": round(float(recall[i]), 4),
                    "f1": round(float(f1[i]), 4), "support": int(support[i])}
            for i, label in enumerate(LABELS)
        },
        "confusion": matrix.tolist(),
    }


def evaluate_faces(classifier, dataset) -> dict:
    """Metrics of `classifier` on a data set of face crops, classified directly."""
    predicted = np.argmax(classifier.predict(dataset.faces), axis=1)
    return {**compute_metrics(dataset.labels, predicted), "skipped": dataset.skipped}


def evaluate_photos(analyzer, dataset) -> dict:
    """Metrics on photos through the inference function's analyzer (`VisionAnalyzer`): the
    largest face classified; no face found counts as wrong."""
    predicted = np.full(len(dataset.labels), NO_FACE)
    for i, image in enumerate(dataset.images):
        result = analyzer.analyze_image(image)
        if result.face_found:
            predicted[i] = LABELS.index(result.expression)
    detected = float(np.mean(predicted != NO_FACE)) if len(predicted) else 0.0
    return {**compute_metrics(dataset.labels, predicted), "skipped": dataset.skipped,
            "detection_rate": round(detected, 4)}
