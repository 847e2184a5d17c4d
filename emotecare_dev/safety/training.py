"""Train the crisis model (dev only: needs numpy, scipy and scikit-learn; never imported by the API).

Reads top to bottom: the data (`corpus.py`: the train part of the real posts plus the written
chat-style sets), the features (`features.py`, shared with inference), the model (`make_model`:
logistic regression, one crisis head and one category head), cross-validation on the train part
only (the threshold is chosen there), and the export to the file `model.py` reads.
The held-out posts and the first-sight sets are scored by `benchmarks/safety_eval.py`, never here.
"""
from __future__ import annotations

import base64
from array import array
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.multiclass import OneVsRestClassifier

from emotecare_dev.safety import corpus
from emotecare.safety.features import FEATURE_DIM, FEATURE_SPEC, extract_features
from emotecare.safety.fragments import CATEGORY_PRIORITY
from emotecare.safety.levels import has_risk_cue

CRISIS_C = 8.0  # inverse regularisation of the crisis head (CV on train: 4 / 8 / 16 within 0.005 recall)
CATEGORY_C = 8.0
CV_FOLDS = 5
CV_SEED = 20
# False-alarm ceilings for the threshold, on cross-validated train rows. Posts: issue 20's bar.
# Written rows: a looser guard, since those sets are mostly calm look-alikes written to trip the
# check (at 0.10 there the threshold costs 3 recall points on posts and 6 on written rounds).
MAX_FALSE_ALARMS_POSTS = 0.08
MAX_FALSE_ALARMS_WRITTEN = 0.20
# Therapy-context text (distress posts: people in distress who are not at risk): issue 23's bar is
# 5 % false alarms on held-out text; CV on train holds it (0.04 forced the threshold from 0.45 to 0.57, costing
# 2 recall points on posts and 7 on written rows for half a point of false alarms).
MAX_FALSE_ALARMS_DISTRESS = 0.05
DISTRESS_WEIGHT = 1.0  # a calm distress post's weight (CV on train: 2 or 3 gained nothing, nor did upweighting its crises)
# The second stage for long texts (see model.py), chosen by CV on train among 150/200/300 chars,
# cue thresholds 0.05/0.1/0.2 and sure thresholds 0.85/0.95: long texts need a C-SSRS cue.
LONG_TEXT_CHARS = 300
CUE_THRESHOLD = 0.1
SURE_THRESHOLD = 0.95
DISTRESS_C = 2.0  # the distress-level head (stress label of the distress posts)
WEIGHT_SCALE_BITS = 15  # weights are stored as int16 times a per-head scale: < 0.1 % of a weight lost


@dataclass(frozen=True)
class TrainingData:
    rows: list[corpus.Labelled]
    matrix: csr_matrix

    @property
    def crisis(self) -> np.ndarray:
        return np.array([r.crisis for r in self.rows])

    @property
    def is_post(self) -> np.ndarray:
        return np.array([r.source == "posts" for r in self.rows])

    @property
    def is_distress(self) -> np.ndarray:
        return np.array([r.source == "distress" for r in self.rows])

    @property
    def weights(self) -> np.ndarray:
        return np.where(self.is_distress & ~self.crisis, DISTRESS_WEIGHT, 1.0)

    @property
    def is_long(self) -> np.ndarray:
        return np.array([len(r.text) >= LONG_TEXT_CHARS for r in self.rows])

    @property
    def has_cue(self) -> np.ndarray:
        return np.array([has_risk_cue(r.text) for r in self.rows])

    @property
    def is_written_original(self) -> np.ndarray:
        """Written rows that are not machine rewrites: the ones cross-validated figures count."""
        return np.array([r.source not in ("posts", "distress", corpus.VARIANTS_SET) for r in self.rows])


def load_training_data() -> TrainingData:
    """Return the train parts of both post sets and the written train rows, with their feature matrix."""
    train_posts, _ = corpus.split_posts(corpus.read_posts())
    train_distress, _ = corpus.split_distress(corpus.read_distress_posts())
    rows = train_posts + train_distress + corpus.read_written_train()
    return TrainingData(rows, build_matrix([r.text for r in rows]))


def build_matrix(texts: list[str]) -> csr_matrix:
    """Stack `extract_features` rows into a sparse matrix (one row per text)."""
    data, indices, indptr = [], [], [0]
    for text in texts:
        features = extract_features(text)
        indices.extend(features)
        data.extend(features.values())
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(texts), FEATURE_DIM))


def make_model(c: float) -> LogisticRegression:
    """A deterministic L2 logistic regression (dual liblinear: fast when features far outnumber rows)."""
    return LogisticRegression(C=c, class_weight="balanced", solver="liblinear", dual=True, max_iter=5000,
                              random_state=0)


def fit_heads(matrix: csr_matrix, rows: list[corpus.Labelled]) -> tuple[LogisticRegression, OneVsRestClassifier]:
    """Fit the crisis head on every row and the category head on the crisis rows."""
    labels = np.array([r.crisis for r in rows])
    weights = np.array([DISTRESS_WEIGHT if r.source == "distress" and not r.crisis else 1.0 for r in rows])
    crisis_head = make_model(CRISIS_C).fit(matrix, labels, sample_weight=weights)
    at_risk = np.flatnonzero(labels)
    category_head = OneVsRestClassifier(make_model(CATEGORY_C)).fit(
        matrix[at_risk], [rows[i].category for i in at_risk])
    return crisis_head, category_head


# Written chat turns the product asks for (replies in exercises, answers to the check-in,
# thought-record answers): calm, short, and unlike any post; the distress head learns them as `none`.
CHAT_TURN_ROUNDS = ("r44", "r45", "r46")
DISTRESS_THRESHOLD = 0.5  # balanced classes: the head's own even odds


def distress_rows(data: TrainingData) -> np.ndarray:
    """Indices of the rows the distress head learns from: the calm distress posts and the calm chat turns."""
    return np.flatnonzero(np.array([not r.crisis and (r.source == "distress" or r.group in CHAT_TURN_ROUNDS)
                                    for r in data.rows]))


def distress_labels(data: TrainingData, rows: np.ndarray) -> np.ndarray:
    return np.array([data.rows[i].level == "distress" for i in rows])


def fit_distress_head(data: TrainingData) -> LogisticRegression:
    """Fit the distress head: the collectors' stress label on calm distress posts, chat turns as none."""
    rows = distress_rows(data)
    return make_model(DISTRESS_C).fit(data.matrix[rows], distress_labels(data, rows))


def cross_validated_scores(data: TrainingData) -> np.ndarray:
    """Return every train row's crisis probability from a model fitted on the other folds."""
    strata = [f"{r.source in ('posts', 'distress') and r.source}-{r.crisis}" for r in data.rows]
    groups = [r.group for r in data.rows]  # a written round and its rewrites are held out together
    scores = np.zeros(len(data.rows))
    folds = StratifiedGroupKFold(n_splits=CV_FOLDS, shuffle=True, random_state=CV_SEED)
    for kept, held in folds.split(np.zeros(len(strata)), strata, groups):
        head = make_model(CRISIS_C).fit(data.matrix[kept], data.crisis[kept], sample_weight=data.weights[kept])
        scores[held] = head.predict_proba(data.matrix[held])[:, 1]
    return scores


def two_stage_flags(scores: np.ndarray, threshold: float, long: np.ndarray, cue: np.ndarray) -> np.ndarray:
    """The decision `model.CrisisModel.decide` makes, over arrays of train rows."""
    return (scores >= SURE_THRESHOLD) | (~long & (scores >= threshold)) | (long & cue & (scores >= CUE_THRESHOLD))


def false_alarm_rate(flags: np.ndarray, crisis: np.ndarray, among: np.ndarray) -> float:
    calm = among & ~crisis
    return float(flags[calm].mean())


def recall(flags: np.ndarray, crisis: np.ndarray, among: np.ndarray) -> float:
    return float(flags[among & crisis].mean())


def choose_threshold(scores: np.ndarray, data: TrainingData, extra_flags: np.ndarray | None = None) -> float:
    """Return the lowest threshold whose CV false alarms (with the phrases) stay within both ceilings."""
    extra = np.zeros(len(scores), dtype=bool) if extra_flags is None else extra_flags
    long, cue = data.is_long, data.has_cue
    for threshold in np.round(np.arange(0.05, 0.951, 0.005), 3):
        flags = two_stage_flags(scores, threshold, long, cue) | extra
        if false_alarm_rate(flags, data.crisis, data.is_post) <= MAX_FALSE_ALARMS_POSTS \
                and false_alarm_rate(flags, data.crisis, data.is_distress) <= MAX_FALSE_ALARMS_DISTRESS \
                and false_alarm_rate(flags, data.crisis, data.is_written_original) <= MAX_FALSE_ALARMS_WRITTEN:
            return float(threshold)
    return 0.95


def export_model(crisis_head: LogisticRegression, category_head: OneVsRestClassifier, threshold: float,
                 version: str, trained_on: dict, distress_head: LogisticRegression) -> dict:
    """Return the JSON-ready model `model.CrisisModel` reads: weights as base64 int16 arrays, one per head."""
    classes = [c for c in CATEGORY_PRIORITY if c in category_head.classes_]
    per_class = [category_head.estimators_[list(category_head.classes_).index(c)] for c in classes]
    heads = [crisis_head.coef_[0], *(head.coef_[0] for head in per_class)]
    return {"format": 3, "version": version, "feature_spec": FEATURE_SPEC, "threshold": threshold,
            "classes": classes, "crisis_bias": float(crisis_head.intercept_[0]),
            "category_bias": [float(head.intercept_[0]) for head in per_class],
            "heads": [_pack(weights) for weights in heads], "trained_on": trained_on,
            "distress_head": _pack(distress_head.coef_[0]), "distress_bias": float(distress_head.intercept_[0]),
            "distress_threshold": DISTRESS_THRESHOLD, "long_text_chars": LONG_TEXT_CHARS,
            "cue_threshold": CUE_THRESHOLD, "sure_threshold": SURE_THRESHOLD}


def _pack(weights: np.ndarray) -> dict:
    scale = float(np.abs(weights).max()) / (2 ** WEIGHT_SCALE_BITS - 1) or 1.0
    quantised = array("h", np.round(weights / scale).astype(np.int16).tolist())
    if quantised.itemsize != 2:
        raise RuntimeError("int16 arrays are not two bytes on this platform")
    return {"scale": scale, "int16_le": base64.b64encode(quantised.tobytes()).decode("ascii")}
