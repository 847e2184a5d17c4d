"""Train the chat's reply-intent model (accept / decline / other) and write `emotecare/chat/reply_intents.json`.

Usage: python -m emotecare_dev.safety.reply_intents   (seconds; deterministic)
Reads `data/safety/chat_replies.tsv` (written by the project, no real person's words); prints the
5-fold cross-validated accuracy before fitting on every row.
"""
from __future__ import annotations

import csv
import json

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from emotecare.chat.reply_intent import INTENT_DIM, MODEL_PATH, fold_features
from emotecare.safety.features import FEATURE_SPEC
from emotecare_dev.safety.corpus import DATA_DIR

REPLIES_PATH = DATA_DIR / "chat_replies.tsv"
C = 4.0


def read_replies(path=REPLIES_PATH) -> tuple[list[str], list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r["text"] for r in rows], [r["intent"] for r in rows]


def build_matrix(texts: list[str]) -> csr_matrix:
    data, indices, indptr = [], [], [0]
    for text in texts:
        features = fold_features(text)
        indices.extend(features)
        data.extend(features.values())
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(texts), INTENT_DIM))


def make_model() -> LogisticRegression:
    return LogisticRegression(C=C, max_iter=2000, class_weight="balanced")


def export(model: LogisticRegression) -> dict:
    return {"feature_spec": FEATURE_SPEC, "dim": INTENT_DIM, "classes": [str(c) for c in model.classes_],
            "bias": [round(float(b), 5) for b in model.intercept_],
            "weights": [[round(float(w), 4) for w in row] for row in model.coef_]}


def main() -> None:
    texts, intents = read_replies()
    matrix = build_matrix(texts)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=23)
    predicted = cross_val_predict(make_model(), matrix, intents, cv=folds)
    print(f"{len(texts)} replies; 5-fold CV accuracy {np.mean(np.array(predicted) == np.array(intents)):.3f}")
    model = make_model().fit(matrix, intents)
    MODEL_PATH.write_text(json.dumps(export(model), separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()
