"""The inference image's Dockerfile: its base, layer order, copied paths and handler exist."""
from __future__ import annotations

import importlib
import re
import shlex
from pathlib import Path

from infra.cfn.functions import DOCKERFILE, inference_handler

ROOT = Path(__file__).resolve().parents[2]


def _instructions() -> list[tuple[str, list[str]]]:
    """(instruction, arguments) of each Dockerfile line, with `\\` continuations joined."""
    lines = [l for l in DOCKERFILE.read_text().splitlines() if not l.lstrip().startswith("#")]
    joined = re.sub(r"\\\n", " ", "\n".join(lines))
    return [(l.split()[0].upper(), shlex.split(l)[1:]) for l in joined.splitlines() if l.strip()]


def test_image_builds_on_the_lambda_python_base_of_3_12_or_newer():
    (base,) = [args[0] for op, args in _instructions() if op == "FROM"]
    match = re.fullmatch(r"public\.ecr\.aws/lambda/python:3\.(\d+)", base)
    assert match and int(match.group(1)) >= 12, base


def test_every_copied_path_exists_and_requirements_come_before_code():
    copies = [args for op, args in _instructions() if op == "COPY"]
    assert copies
    for args in copies:
        for source in args[:-1]:
            assert (ROOT / source).exists(), f"COPY {source}: no such path in the repository"
    sources = [args[0] for args in copies]
    assert sources[0] == "requirements/inference.txt", "stable layer (dependencies) first"
    ops = [op for op, _ in _instructions()]
    assert ops.index("RUN") < [i for i, (op, a) in enumerate(_instructions()) if op == "COPY"][1]


def test_runtime_requirements_carry_no_tensorflow():
    lines = (ROOT / "requirements" / "inference.txt").read_text().lower().splitlines()
    assert not [l for l in lines if l.strip().startswith(("tensorflow", "keras"))]


def test_cmd_names_an_existing_handler_inside_the_copied_code():
    handler = inference_handler()
    module, function = handler.rsplit(".", 1)
    assert callable(getattr(importlib.import_module(module), function))
    copied = [args[0].rstrip("/") for op, args in _instructions() if op == "COPY"]
    module_file = module.replace(".", "/") + ".py"
    assert any(module_file == c or module_file.startswith(c + "/") for c in copied), copied
