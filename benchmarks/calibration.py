#!/usr/bin/env python3
"""Print how often the classifier is right at each level of its top probability (FER2013 test/).

    python benchmarks/calibration.py [--data ../shared/datasets/fer2013.zip] [--model PATH]

The insight panel's headline says "uncertain" under `reading.UNCERTAIN_BELOW`: the level
under which the shipped model is right less often than not. Re-run this when the model
changes (e.g. the ensemble) and move that one constant if the table moves.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from emotecare.pipeline.reading import UNCERTAIN_BELOW  # noqa: E402
from emotecare_dev.training.dataset import load_dataset  # noqa: E402
from emotecare.vision.classifier import EmotionClassifier  # noqa: E402
from tests.support.datasets import shared_dataset  # noqa: E402

EDGES = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    data = args.data or shared_dataset("fer2013.zip")
    if data is None:
        raise SystemExit("fer2013.zip not found: pass --data PATH")
    dataset = load_dataset(data, split="test", warn=lambda line: None)
    probabilities = EmotionClassifier(args.model, num_threads=2).predict(dataset.faces)
    top, right = probabilities.max(axis=1), probabilities.argmax(axis=1) == dataset.labels
    print(f"{len(top)} faces of test/, accuracy {right.mean():.1%}")
    print("| top probability | faces | share | accuracy |")
    print("|---|---:|---:|---:|")
    for low, high in zip(EDGES, EDGES[1:]):
        inside = (top >= low) & (top < high)
        accuracy = f"{right[inside].mean():.1%}" if inside.any() else "-"
        print(f"| {low:.1f}-{min(high, 1.0):.1f} | {inside.sum()} | {inside.mean():.1%} | {accuracy} |")
    below = top < UNCERTAIN_BELOW
    print(f"under UNCERTAIN_BELOW = {UNCERTAIN_BELOW}: {below.mean():.1%} of faces, right on "
          f"{right[below].mean():.1%}; at or above: right on {right[~below].mean():.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
