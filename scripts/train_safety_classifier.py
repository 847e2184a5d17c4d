"""Train the safety model on every labelled round and write `emotecare/safety/model_weights.json`.

Usage: python scripts/train_safety_classifier.py   (about a minute on one core; deterministic)

The decision threshold comes from leave-one-round-out CV: the lowest one that keeps the
rules-OR-model false-alarm rate on unseen rounds at or under `training.MAX_FALSE_ALARMS`.
`benchmarks/safety_generalisation.py` prints the figures that threshold gives.
"""
from __future__ import annotations

import json

from emotecare.safety import training
from emotecare.safety.model import WEIGHTS_PATH


def main() -> None:
    messages = training.read_labelled_messages()
    matrix = training.build_matrix([m.text for m in messages])
    grouped = training.evaluate_by_round(messages, matrix)
    threshold = training.choose_threshold(grouped)
    crisis_head, category_head = training.fit_heads(matrix, messages)
    weights = training.export_weights(crisis_head, category_head, threshold)
    WEIGHTS_PATH.write_text(json.dumps(weights, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"trained on {len(messages)} messages; threshold {threshold}; {len(weights['rows'])} weighted buckets "
          f"-> {WEIGHTS_PATH} ({WEIGHTS_PATH.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
