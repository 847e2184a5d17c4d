"""Run the scripts with the project's virtual environment, however they were started."""
from __future__ import annotations

import os
import sys
from pathlib import Path

VENV_PYTHON = Path(__file__).resolve().parents[1] / ".venv" / "bin" / "python"


def use_project_venv(script: str) -> None:
    """Re-execute `script` under `.venv` (made by `python3 dev.py …`) unless already in it.

    The scripts need chalice, boto3 and PyYAML; `infra/deploy` run by the system python3
    would not find them.
    """
    if VENV_PYTHON.exists() and Path(sys.prefix).resolve() != VENV_PYTHON.parents[1].resolve():
        os.execv(str(VENV_PYTHON), [str(VENV_PYTHON), script, *sys.argv[1:]])
