"""Deployment parameters of each stage, from the one file `infra/stages.json`."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

STAGES_FILE = Path(__file__).with_name("stages.json")


def _merge(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        merged[key] = _merge(base[key], value) if isinstance(value, dict) and isinstance(
            base.get(key), dict) else value
    return merged


@dataclass(frozen=True)
class Stage:
    """One stage's parameters (defaults overridden by the stage's own entry)."""

    name: str
    params: dict[str, Any]

    @property
    def region(self) -> str:
        return self.params["region"]

    @property
    def stack_name(self) -> str:
        return f"emotecare-{self.name}"

    @property
    def bootstrap_stack_name(self) -> str:
        """The stack that must exist before the image and the code can be uploaded."""
        return f"emotecare-{self.name}-bootstrap"

    def function(self, name: str) -> dict[str, Any]:
        """Memory and timeout of the Chalice function `name` ("api" for the API handler)."""
        if name == "api":
            return self.params["api"]
        return _merge(self.params["function_defaults"], self.params["functions"].get(name, {}))


def stage_names() -> list[str]:
    return sorted(json.loads(STAGES_FILE.read_text())["stages"])


def load_stage(name: str) -> Stage:
    """Parameters of stage `name`; unknown names raise ValueError listing the known ones."""
    data = json.loads(STAGES_FILE.read_text())
    if name not in data["stages"]:
        raise ValueError(f"unknown stage {name!r}; known: {', '.join(sorted(data['stages']))}")
    return Stage(name, _merge(data["defaults"], data["stages"][name]))
