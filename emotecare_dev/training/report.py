"""Figures and the metrics file that ship beside the model in model_artifacts/."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np

from emotecare.vision.preprocess import LABELS


def plot_training_curves(histories: dict[str, Path], out_png: Path) -> None:
    """Each member's loss and held-out accuracy per epoch (training loss is on augmented faces)."""
    import matplotlib
    matplotlib.use("Agg")  # headless
    import matplotlib.pyplot as plt

    fig, (loss_ax, acc_ax) = plt.subplots(1, 2, figsize=(11, 4))
    for name, history_csv in histories.items():
        rows = list(csv.DictReader(history_csv.open()))
        epochs = [int(r["epoch"]) for r in rows]
        column = lambda key: [float(r[key]) for r in rows]  # noqa: E731
        line, = loss_ax.plot(epochs, column("loss"), label=f"{name} train (augmented)")
        loss_ax.plot(epochs, column("val_loss"), linestyle="--", color=line.get_color(),
                     label=f"{name} held-out")
        acc_ax.plot(epochs, column("holdout_accuracy"), color=line.get_color(),
                    label=f"{name} accuracy")
        acc_ax.plot(epochs, column("holdout_macro_f1"), linestyle=":", color=line.get_color(),
                    label=f"{name} macro-F1")
    loss_ax.set(xlabel="epoch", ylabel="loss (label-smoothed)", title="Loss")
    acc_ax.set(xlabel="epoch", title="Held-out 10% of train/: accuracy, macro-F1")
    for ax in (loss_ax, acc_ax):
        ax.grid(alpha=0.3)
        ax.legend(fontsize=6)
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


def write_metrics(path: Path, evaluation: dict, scores: dict, export_info: dict,
                  data_sha256: str | None) -> dict:
    """metrics.json: the test/ evaluation as `emotecare model evaluate --json` prints it, each
    member's and the ensemble's figures on the held-out slice of train/, and the export."""
    held = scores["ensemble_holdout"]
    metrics = {
        "evaluation": evaluation,
        "accuracy": evaluation["accuracy"],
        "macro_f1": evaluation["macro_f1"],
        "ensemble": {
            "flip_averaging": True,
            "calibration": scores["calibration"],
            "holdout": {"n": held["n"], "accuracy": held["accuracy"],
                        "macro_f1": held["macro_f1"]},
            "members": scores["members"],
        },
        "data_sha256": data_sha256,
        "export": export_info,
    }
    path.write_text(json.dumps(metrics, indent=2) + "\n")
    return metrics
