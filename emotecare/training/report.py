"""Figures and the metrics file that ship beside the model in model_artifacts/."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np

from emotecare.vision.preprocess import LABELS


def plot_training_curves(history_csv: Path, out_png: Path) -> None:
    """Loss and accuracy per epoch, training vs the held-out slice of train/."""
    import matplotlib
    matplotlib.use("Agg")  # headless
    import matplotlib.pyplot as plt

    rows = list(csv.DictReader(history_csv.open()))
    epochs = [int(r["epoch"]) for r in rows]
    column = lambda name: [float(r[name]) for r in rows]  # noqa: E731
    fig, (loss_ax, acc_ax) = plt.subplots(1, 2, figsize=(10, 4))
    loss_ax.plot(epochs, column("loss"), label="train (augmented)")
    loss_ax.plot(epochs, column("val_loss"), label="held-out 10% of train/")
    loss_ax.set(xlabel="epoch", ylabel="loss (label-smoothed)", title="Loss")
    acc_ax.plot(epochs, column("accuracy"), label="train accuracy (augmented)")
    acc_ax.plot(epochs, column("holdout_accuracy"), label="held-out accuracy")
    acc_ax.plot(epochs, column("holdout_macro_f1"), label="held-out macro-F1")
    acc_ax.set(xlabel="epoch", title="Accuracy / macro-F1")
    for ax in (loss_ax, acc_ax):
        ax.grid(alpha=0.3)
        ax.legend()
    fig.tight_layout()
    fig.savefig(out_png, dpi=100)
    plt.close(fig)


def plot_confusion(confusion: list[list[int]], out_png: Path, title: str) -> None:
    """Row-normalised confusion matrix (recall per true class), with the counts."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    counts = np.asarray(confusion)
    rates = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1)
    fig, ax = plt.subplots(figsize=(7, 6))
    image = ax.imshow(rates, cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(len(LABELS)), LABELS, rotation=45, ha="right")
    ax.set_yticks(range(len(LABELS)), LABELS)
    ax.set(xlabel="predicted", ylabel="true", title=title)
    for i in range(len(LABELS)):
        for j in range(len(LABELS)):
            ax.text(j, i, f"{rates[i, j]:.2f}\n({counts[i, j]})", ha="center", va="center",
                    fontsize=7, color="white" if rates[i, j] > 0.5 else "black")
    fig.colorbar(image, ax=ax, fraction=0.046)
    fig.tight_layout()
    fig.savefig(out_png, dpi=100)
    plt.close(fig)


def _average_summary(average: dict | None) -> dict | None:
    """The weight-averaging step in a line: which epochs, its held-out score, kept or not."""
    if not average or not average.get("epochs"):
        return None
    holdout = average["holdout"]
    return {"epochs": average["epochs"], "chosen": average["chosen"],
            "holdout_accuracy": holdout["accuracy"], "holdout_macro_f1": holdout["macro_f1"]}


def write_metrics(path: Path, evaluation: dict, train_state: dict, export_info: dict) -> dict:
    """metrics.json: the test/ evaluation as `emotecare model evaluate --json` prints it,
    plus how the model was trained and exported."""
    metrics = {
        "evaluation": evaluation,
        "accuracy": evaluation["accuracy"],
        "macro_f1": evaluation["macro_f1"],
        "training": {
            "epochs": train_state["epochs_done"],
            "best_epoch": train_state.get("best_epoch"),
            "training_seconds": train_state.get("training_seconds"),
            "backend": train_state.get("backend"),
            "parameters": train_state["parameters"],
            "seed": train_state.get("seed"),
            "data": train_state.get("data"),
            "data_sha256": train_state["data_sha256"],
            "n_train": train_state.get("n_train"),
            "n_holdout": train_state.get("n_holdout"),
            "holdout": train_state.get("best_holdout"),
            "weight_average": _average_summary(train_state.get("weight_average")),
        },
        "export": export_info,
    }
    path.write_text(json.dumps(metrics, indent=2) + "\n")
    return metrics
