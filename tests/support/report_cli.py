"""Compile a weekly report on a running stack with `emotecare report`, as an operator would
(the weekly schedule does the same for every patient)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def compile_report(stack, patient_id: str, week: str, timeout: float = 120) -> None:
    """`emotecare report --week WEEK --patient ID` against `stack`'s data folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMOTECARE_")}
    env["EMOTECARE_LOCAL_DATA_DIR"] = str(stack.data_dir)
    subprocess.run([sys.executable, "-m", "emotecare_dev.cli", "report", "--week", week,
                    "--patient", patient_id], env=env, check=True, capture_output=True,
                   timeout=timeout, cwd=ROOT)
