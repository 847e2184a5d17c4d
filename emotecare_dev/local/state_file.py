"""Where a running local stack tells other processes (the CLI, tests) how to reach it."""
from __future__ import annotations

import json
import os
from pathlib import Path

from emotecare.errors import SettingsError

_NAME = "stack.json"


def write_stack_file(data_dir: Path, env: dict[str, str], urls: dict[str, str]) -> Path:
    path = data_dir / _NAME
    data_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"env": env, "urls": urls, "pid": os.getpid()}, indent=2))
    return path


def read_stack_file(data_dir: Path) -> dict:
    path = data_dir / _NAME
    if not path.exists():
        raise SettingsError(f"no local stack found in {data_dir}: start it with `emotecare up`")
    return json.loads(path.read_text())


def remove_stack_file(data_dir: Path) -> None:
    (data_dir / _NAME).unlink(missing_ok=True)
