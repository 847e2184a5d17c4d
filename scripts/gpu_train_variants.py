"""Train a few recipe variants in parallel on one GPU machine and keep the best by held-out score.

Every variant runs `emotecare_dev.training.train.train`, the same code as `emotecare model
train`, with a time budget that plans its epoch count (docs/model.md, "Session 4": five
variants side by side on an H200 ran 4-5 s an epoch). Usage, with VARIANTS=a,b,... to pick:

    KERAS_BACKEND=jax python scripts/gpu_train_variants.py DATA OUT_DIR BUDGET_SECONDS [LIMIT]

DATA is a folder or zip as `emotecare model train` takes; the device machine's 64 MiB limit
on what travels fits `train/` as a .tar.xz (41 MB), not the whole zip beside the repo.

Writes to OUT_DIR (kept to a handful of files): best.keras, history.csv, train_state.json of
the winner, runner_up.keras, summary.json (every variant's state) and variants.tgz (their
logs and histories).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

# Each variant gets the same time budget; `train` plans its epoch count to fit it (up to
# MAX_EPOCHS), so a GPU buys more epochs, not a different recipe.
MAX_EPOCHS = 300
VARIANTS = {
    "default": {},
    "seed7": {"seed": 7},
    "dropout25": {"model_options": {"dropout": 0.25}},
    "power75": {"class_weight_power": 0.75},
    "four_stage": {"model_options": {"widths": [24, 40, 80, 160], "blocks": [1, 1, 2, 2]}},
    "separable": {"model_options": {"widths": [48, 96, 192, 384], "blocks": [1, 2, 2, 2],
                                    "separable": True}},
}


def main(data: str, out: str, budget_s: float, limit: int | None = None) -> None:
    runs, out, data = Path("/tmp/variant_runs"), Path(out).resolve(), str(Path(data).resolve())
    runs.mkdir(parents=True, exist_ok=True)
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, XLA_PYTHON_CLIENT_PREALLOCATE="false", PYTHONUNBUFFERED="1")
    procs = {}
    chosen = os.environ.get("VARIANTS", ",".join(VARIANTS)).split(",")
    for name, options in ((n, VARIANTS[n]) for n in chosen):
        call = (f"from emotecare_dev.training.train import train; "
                f"train({data!r}, {str(runs / name)!r}, verbose=2, budget_s={budget_s}, "
                f"limit={limit}, epochs={MAX_EPOCHS}, **{options!r})")
        log = open(runs / f"{name}.log", "w")
        # cwd outside the checkout: `python -c` puts the cwd first on sys.path, and the
        # checkout there may hold another copy of the package.
        procs[name] = subprocess.Popen([sys.executable, "-c", call], stdout=log,
                                       stderr=subprocess.STDOUT, env=env, cwd=runs)
    started = time.monotonic()
    for name, proc in procs.items():
        # Budget plus loading, the last epoch and weight averaging; anything still running
        # then is killed.
        remaining = budget_s + 90 - (time.monotonic() - started)
        try:
            proc.wait(timeout=max(remaining, 1))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        print(f"{name}: exit {proc.returncode}", flush=True)
    summary = {}
    for name in chosen:
        state_path = runs / name / "train_state.json"
        summary[name] = json.loads(state_path.read_text()) if state_path.exists() else None
    (out / "summary.json").write_text(json.dumps(summary, indent=2))
    ranked = sorted((s["best_score"], n) for n, s in summary.items() if s and "best_score" in s)
    for rank, (score, name) in enumerate(reversed(ranked)):
        print(f"{name}: held-out score {score:.4f} "
              f"(acc {summary[name]['best_holdout']['accuracy']}, macro-F1 "
              f"{summary[name]['best_holdout']['macro_f1']}, epoch {summary[name]['best_epoch']})")
        if rank == 0:
            for item in ("best.keras", "history.csv", "train_state.json"):
                shutil.copy(runs / name / item, out / item)
        elif rank == 1:
            shutil.copy(runs / name / "best.keras", out / "runner_up.keras")
    for name in chosen:  # the end of every variant's log, for the caller's console
        lines = (runs / f"{name}.log").read_text(errors="replace").splitlines()
        print(f"--- {name}", *lines[-4:], sep="\n")
    with tarfile.open(out / "variants.tgz", "w:gz") as tar:
        for path in runs.rglob("*"):
            if path.suffix in {".log", ".csv", ".json"}:
                tar.add(path, arcname=str(path.relative_to(runs)))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]),
         int(sys.argv[4]) if len(sys.argv) > 4 else None)
