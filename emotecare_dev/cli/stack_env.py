"""Let a CLI command act on the running local stack when no stage is configured."""
from __future__ import annotations

import os
from pathlib import Path

from emotecare_dev.local.state_file import read_stack_file
from emotecare.settings import env_name, get_settings, local_data_dir


def use_local_stack_if_unconfigured(data_dir: Path | None = None) -> None:
    """Load the running local stack's environment unless a stage is already set."""
    if os.environ.get(env_name("stage")):
        return
    state = read_stack_file(data_dir or local_data_dir())
    os.environ.update(state["env"])
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "local")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "local")
    get_settings.cache_clear()
