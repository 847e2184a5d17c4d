"""Train the emotion CNN on FER2013-style data, top to bottom: data, model, training.

Recipe (named below): a stratified 10% of train/ is held out for model selection, so test/
stays a validation set we never tune on; augmentation (flip, small rotation, shift, zoom,
erasing); class weights against the imbalance (disgust is 1.5% of train/); label smoothing;
AdamW with a warm-up then cosine decay; a fixed seed; a checkpoint every epoch, and `resume`
to continue an interrupted run. Backend-agnostic Keras: runs on TensorFlow (CPU) or JAX (GPU).
"""
from __future__ import annotations

import csv
import json
import math
import re
import time
from pathlib import Path

import keras
import numpy as np
from keras import layers

from emotecare_dev.training.augment import augment_epoch
from emotecare_dev.training.dataset import has_split, load_dataset, stratified_holdout
from emotecare_dev.training.evaluate import compute_metrics
from emotecare_dev.training.model import make_model
from emotecare.vision.preprocess import FACE_SIZE, LABELS, normalise

EPOCHS = 30  # 69 min measured on this 2-core CPU (121-152 s an epoch); 3 min on an H200
BATCH_SIZE = 64
PEAK_LEARNING_RATE = 2e-3
WARMUP_EPOCHS = 2
WEIGHT_DECAY = 0.05
LABEL_SMOOTHING = 0.1
HOLDOUT_FRACTION = 0.1
# The held-out slice is drawn with this seed whatever the member's own seed, so every member of
# an ensemble leaves out the same faces and the ensemble can be scored on them honestly.
HOLDOUT_SEED = 1234
CLASS_WEIGHT_POWER = 0.5  # 1 = fully balanced; 0.5 softens it so common classes keep accuracy
SEED = 1234

# Weight averaging (SWA-style): the final weights of the last epochs, averaged, usually sit in
# a flatter, better-generalising spot than any one of them; kept only if the held-out score agrees.
AVERAGE_LAST_EPOCHS = 8

CHECKPOINT = "checkpoint.keras"  # whole training model with optimizer state, for --resume
SNAPSHOTS = "snapshots"          # the network's weights after each of the last epochs
BEST_MODEL = "best.keras"        # the bare network with the best held-out score
STATE = "train_state.json"
HISTORY = "history.csv"


def class_weights(labels: np.ndarray, power: float) -> dict[int, float]:
    """Inverse-frequency weights raised to `power`, scaled to average 1 over the samples."""
    counts = np.bincount(labels, minlength=len(LABELS)).astype(float)
    weights = (counts.sum() / (len(LABELS) * np.maximum(counts, 1))) ** power
    weights /= (weights[labels]).mean()
    return {i: float(w) for i, w in enumerate(weights)}


def learning_rate_at(epoch: int, epochs: int) -> float:
    """Linear warm-up over WARMUP_EPOCHS, then cosine decay to 1% of the peak by the last epoch.

    Set once per epoch by a callback, not per step by a Keras schedule: under JAX, AdamW
    evaluates a step schedule once per variable for its weight decay, which made every step
    about four times slower (4.0 s against 1.1 s a batch on this CPU) and stalled session 1's
    GPU run inside its first epoch.
    """
    if epoch < WARMUP_EPOCHS:
        return PEAK_LEARNING_RATE * (epoch + 1) / (WARMUP_EPOCHS + 1)
    progress = min((epoch - WARMUP_EPOCHS) / max(epochs - WARMUP_EPOCHS, 1), 1.0)
    return PEAK_LEARNING_RATE * (0.01 + 0.99 * 0.5 * (1 + math.cos(math.pi * progress)))


def _build_training_model(net: keras.Model) -> keras.Model:
    trainer = keras.Sequential([keras.Input((FACE_SIZE, FACE_SIZE, 1)), net], name="trainer")
    trainer.compile(
        optimizer=keras.optimizers.AdamW(learning_rate=PEAK_LEARNING_RATE,
                                         weight_decay=WEIGHT_DECAY),
        loss=keras.losses.CategoricalCrossentropy(label_smoothing=LABEL_SMOOTHING),
        metrics=["accuracy"])
    return trainer


class _EpochEnd(keras.callbacks.Callback):
    """Set the learning rate; score the held-out slice, keep the best network, checkpoint, log.

    With a time budget, the run is planned to fit it: after the warm-up, when an epoch's
    time is known, `epochs` shrinks to what the remaining budget holds, so the cosine decay
    still ends at its floor and the last epochs are averaged as in a full run.
    """

    def __init__(self, out: Path, net_name: str, holdout, state: dict, budget_s: float | None):
        super().__init__()
        self.out, self.net_name, self.holdout, self.state = out, net_name, holdout, state
        self.budget_s = budget_s
        self.stopped = False
        self.started = time.monotonic()
        self.elapsed_before = state.get("training_seconds", 0.0)

    def on_epoch_begin(self, epoch, logs=None):
        self.epoch_started = time.monotonic()
        print(f"epoch {epoch + 1} of {self.state['epochs']}", flush=True)
        self.model.optimizer.learning_rate = learning_rate_at(epoch, self.state["epochs"])

    def on_epoch_end(self, epoch, logs=None):
        logs = logs if logs is not None else {}
        x, y = self.holdout
        net = self.model.get_layer(self.net_name)
        predicted = np.argmax(net.predict(x, batch_size=512, verbose=0), axis=1)
        metrics = compute_metrics(y, predicted)
        logs["holdout_accuracy"], logs["holdout_macro_f1"] = metrics["accuracy"], metrics["macro_f1"]
        # Select on both bars at once: accuracy and macro-F1 (the rare classes) matter.
        score = (metrics["accuracy"] + metrics["macro_f1"]) / 2
        if score > self.state.get("best_score", -1.0):
            self.state.update(best_score=score, best_epoch=epoch + 1, best_holdout=metrics)
            net.save(self.out / BEST_MODEL)
        if self.budget_s and epoch + 1 == WARMUP_EPOCHS:
            self._plan_within_budget(epoch + 1, time.monotonic() - self.epoch_started)
        if epoch + 1 > self.state["epochs"] - AVERAGE_LAST_EPOCHS:
            (self.out / SNAPSHOTS).mkdir(exist_ok=True)
            net.save_weights(self.out / SNAPSHOTS / snapshot_name(epoch + 1))
        elapsed = self.elapsed_before + time.monotonic() - self.started
        self.state.update(epochs_done=epoch + 1, training_seconds=round(elapsed, 1))
        self.model.save(self.out / CHECKPOINT)
        _append_history(self.out / HISTORY, epoch + 1, logs)
        (self.out / STATE).write_text(json.dumps(self.state, indent=2))
        epoch_seconds = time.monotonic() - self.epoch_started
        print(f"epoch {epoch + 1}: holdout accuracy {metrics['accuracy']:.4f} macro-F1 "
              f"{metrics['macro_f1']:.4f} ({epoch_seconds:.1f} s)", flush=True)
        if self.budget_s and time.monotonic() - self.started + 1.5 * epoch_seconds > self.budget_s:
            print("time budget reached: stopping after this epoch", flush=True)
            self.stopped = True

    def _plan_within_budget(self, epochs_done: int, epoch_seconds: float) -> None:
        fits = epochs_within_budget(self.state["epochs"], epochs_done,
                                    time.monotonic() - self.started, epoch_seconds, self.budget_s)
        if fits < self.state["epochs"]:
            print(f"time budget: {fits} epochs instead of {self.state['epochs']} "
                  f"({epoch_seconds:.1f} s an epoch)", flush=True)
            self.state["epochs"] = fits


def epochs_within_budget(planned: int, done: int, elapsed_s: float, epoch_s: float,
                         budget_s: float) -> int:
    """How many epochs in all fit the budget at `epoch_s` each (at least one more, at most `planned`).

    The epoch that sets the pace is one after the first, which includes compilation; 10% of
    the budget is kept back for weight averaging and for neighbours that slow later epochs.
    """
    remaining = 0.9 * budget_s - elapsed_s
    return min(planned, done + max(int(remaining / epoch_s), 1))


def snapshot_name(epoch: int) -> str:
    """The weights file of one epoch; `snapshot_epochs` orders them by number, not by text."""
    return f"epoch_{epoch:04d}.weights.h5"


def snapshot_epochs(folder: Path) -> list[tuple[int, Path]]:
    """(epoch, path) of every snapshot in `folder`, in epoch order.

    Sorted by the number in the name: names of different widths (runs from before the
    four-digit names wrote `epoch_99` and `epoch_100`) still order right, where text order
    would put epoch 100 before 99.
    """
    found = []
    for path in folder.glob("epoch_*.weights.h5"):
        match = re.fullmatch(r"epoch_(\d+)\.weights\.h5", path.name)
        if match:
            found.append((int(match.group(1)), path))
    return sorted(found)


def _append_history(path: Path, epoch: int, logs: dict) -> None:
    row = {"epoch": epoch, **{k: round(float(v), 5) for k, v in logs.items()
                              if k != "learning_rate"}}
    new = not path.exists()
    with path.open("a", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(row))
        if new:
            writer.writeheader()
        writer.writerow(row)


def train(data: str | Path, out: str | Path, epochs: int = EPOCHS, resume: bool = False,
          seed: int = SEED, verbose: int | str = "auto", budget_s: float | None = None,
          model_options: dict | None = None, class_weight_power: float = CLASS_WEIGHT_POWER,
          limit: int | None = None) -> dict:
    """Train (or resume) and return the state written to `out/train_state.json`.

    `limit` keeps only the first N training images (smoke tests); `budget_s` stops cleanly
    after the epoch that would overrun it.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    keras.utils.set_random_seed(seed)

    split, dataset, faces, labels, train_idx, held_idx = _split_training_data(data, limit, seed)
    x_train, y_train = normalise(faces[train_idx]), labels[train_idx]
    holdout = (normalise(faces[held_idx]), labels[held_idx])

    # Model, fresh or from the last checkpoint.
    state_path = out / STATE
    if resume and (out / CHECKPOINT).exists() and state_path.exists():
        state = json.loads(state_path.read_text())
        trainer = keras.models.load_model(out / CHECKPOINT)
        net_name = state["net_name"]
        print(f"resuming after epoch {state['epochs_done']} of {state['epochs']}", flush=True)
    else:
        for stale in (CHECKPOINT, BEST_MODEL, STATE, HISTORY):
            (out / stale).unlink(missing_ok=True)
        for stale in (out / SNAPSHOTS).glob("*.weights.h5"):
            stale.unlink()
        net = make_model(**(model_options or {}))
        trainer = _build_training_model(net)
        net_name = net.name
        state = {"data": str(data), "split": split, "data_sha256": dataset.sha256,
                 "n_train": int(len(x_train)), "n_holdout": int(len(held_idx)),
                 "skipped": dataset.skipped, "epochs": epochs, "seed": seed,
                 "batch_size": BATCH_SIZE, "model_options": model_options or {},
                 "class_weight_power": class_weight_power, "net_name": net_name,
                 "parameters": int(net.count_params()), "epochs_done": 0,
                 "backend": keras.backend.backend()}
    if state["epochs_done"] < state["epochs"]:
        state.pop("weight_average", None)  # from a shorter run that this one extends
        _fit_epochs(trainer, x_train, y_train, _EpochEnd(out, net_name, holdout, state, budget_s),
                    verbose)
    if state["epochs_done"] >= state["epochs"] and "weight_average" not in state:
        state["weight_average"] = average_last_epochs(out, state, x_train, holdout)
        (out / STATE).write_text(json.dumps(state, indent=2))
    return state


def _split_training_data(data, limit: int | None, seed: int):
    """train/ when the data has splits, else every image; a stratified slice held out."""
    split = "train" if has_split(data, "train") else None
    dataset = load_dataset(data, split=split)
    faces, labels = dataset.faces, dataset.labels
    if limit:
        keep = np.sort(np.random.default_rng(seed).permutation(len(labels))[:limit])
        faces, labels = faces[keep], labels[keep]
    train_idx, held_idx = stratified_holdout(labels, HOLDOUT_FRACTION, HOLDOUT_SEED)
    return split, dataset, faces, labels, train_idx, held_idx


def holdout_slice(data, limit: int | None = None, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """The held-out faces (normalised) and labels that training of `data` leaves out."""
    _, _, faces, labels, _, held_idx = _split_training_data(data, limit, seed)
    return normalise(faces[held_idx]), labels[held_idx]


def _fit_epochs(trainer: keras.Model, x_train: np.ndarray, y_train: np.ndarray,
                epoch_end: _EpochEnd, verbose) -> None:
    """One `fit` per epoch, each on a freshly augmented copy of the training faces."""
    state, holdout = epoch_end.state, epoch_end.holdout
    targets = keras.utils.to_categorical(y_train, len(LABELS))
    weight_of = class_weights(y_train, state["class_weight_power"])
    sample_weights = np.array([weight_of[label] for label in y_train], dtype="float32")
    validation = (holdout[0], keras.utils.to_categorical(holdout[1], len(LABELS)))
    epoch = state["epochs_done"]
    while epoch < state["epochs"] and not epoch_end.stopped:  # a budget may shorten the run
        trainer.fit(augment_epoch(x_train, state["seed"], epoch), targets,
                    sample_weight=sample_weights, batch_size=BATCH_SIZE, shuffle=True,
                    initial_epoch=epoch, epochs=epoch + 1, validation_data=validation,
                    callbacks=[epoch_end], verbose=verbose)
        epoch += 1


def average_last_epochs(out: Path, state: dict, x_train: np.ndarray, holdout) -> dict:
    """Average the snapshot weights; replace the best network if the held-out score improves."""
    snapshots = snapshot_epochs(out / SNAPSHOTS)[-AVERAGE_LAST_EPOCHS:]
    paths = [path for _, path in snapshots]
    if len(paths) < 2:
        return {"epochs": [], "chosen": False}
    net = make_model(**state["model_options"])
    total = None
    for path in paths:
        net.load_weights(path)
        weights = net.get_weights()
        total = weights if total is None else [t + w for t, w in zip(total, weights)]
    net.set_weights([t / len(paths) for t in total])
    recalibrate_batch_norm(net, x_train)
    x, y = holdout
    metrics = compute_metrics(y, np.argmax(net.predict(x, batch_size=512, verbose=0), axis=1))
    score = (metrics["accuracy"] + metrics["macro_f1"]) / 2
    chosen = score > state.get("best_score", -1.0)
    epochs = [epoch for epoch, _ in snapshots]
    if chosen:
        state.update(best_score=score, best_epoch=f"average of {epochs[0]}-{epochs[-1]}",
                     best_holdout=metrics)
        net.save(out / BEST_MODEL)
    print(f"average of epochs {epochs[0]}-{epochs[-1]}: holdout accuracy {metrics['accuracy']:.4f} "
          f"macro-F1 {metrics['macro_f1']:.4f} ({'kept' if chosen else 'not better: not kept'})",
          flush=True)
    return {"epochs": epochs, "holdout": metrics, "chosen": chosen}


def recalibrate_batch_norm(net: keras.Model, x: np.ndarray, batch_size: int = 256) -> None:
    """Re-estimate batch-norm statistics for averaged weights (averaged statistics do not fit them)."""
    norms = [layer for layer in net.layers if isinstance(layer, layers.BatchNormalization)]
    momenta = [layer.momentum for layer in norms]
    for layer in norms:
        layer.momentum = 0.9  # forget the averaged statistics within a few dozen batches
    for start in range(0, len(x), batch_size):
        net(x[start:start + batch_size], training=True)
    for layer, momentum in zip(norms, momenta):
        layer.momentum = momentum

