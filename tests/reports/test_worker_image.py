"""The report worker's image: its Dockerfile, the handler and the local stack name the same things.

Docker is not available here, so the image is checked statically, and its handler is
imported in a clean interpreter from exactly the files the Dockerfile copies.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from emotecare.local.stack import REPORT_WORKER_HANDLER

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "functions" / "reports" / "Dockerfile"


def _instructions() -> list[tuple[str, str]]:
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE.read_text())
    return [tuple(line.split(None, 1)) for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def _copies() -> list[tuple[list[str], str]]:
    return [(args.split()[:-1], args.split()[-1]) for op, args in _instructions() if op == "COPY"]


def test_image_is_built_on_the_lambda_python_312_base_with_dependencies_first():
    ops = _instructions()
    assert ops[0] == ("FROM", "public.ecr.aws/lambda/python:3.12")
    assert ops[1][0] == "COPY" and ops[1][1].startswith("requirements/reports.txt")
    assert ops[2][0] == "RUN" and "pip install" in ops[2][1]
    assert all(op != "RUN" for op, _ in ops[3:])


def test_cmd_is_the_handler_the_local_stack_runs():
    cmd = json.loads(next(args for op, args in _instructions() if op == "CMD"))
    assert cmd == [REPORT_WORKER_HANDLER]


def test_the_handler_imports_from_only_what_the_image_copies(tmp_path):
    task_root = tmp_path / "task"
    for sources, target in _copies()[1:]:
        destination = task_root / target.replace("${LAMBDA_TASK_ROOT}/", "")
        for source in sources:
            path = ROOT / source
            assert path.exists(), source
            if path.is_dir():
                shutil.copytree(path, destination, dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("__pycache__", "Dockerfile"))
            else:
                destination.mkdir(parents=True, exist_ok=True)
                shutil.copy(path, destination / path.name)
    probe = (f"import sys; sys.path.insert(0, {str(task_root)!r}); "
             "import functions.reports.handler as h, emotecare.reports.charts as c; "
             "import emotecare.reports.render as r; r._environment().get_template('report.html'); "
             "c._mood([{'weekday': 'Mon', 'mood_average': 5}]); import json; "
             "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))")
    result = subprocess.run([sys.executable, "-I", "-c", probe], capture_output=True, text=True,
                            timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    modules = set(json.loads(result.stdout))
    assert {"matplotlib", "jinja2", "pynamodb"} <= modules
    assert not {"api", "chalice", "jwt", "tensorflow", "cv2", "moto"} & modules


def test_runtime_requirements_name_the_chart_library_and_not_the_api():
    lines = (ROOT / "requirements" / "reports.txt").read_text().lower().splitlines()
    packages = [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]
    assert any(p.startswith("matplotlib") for p in packages)
    assert not [p for p in packages if p.startswith(("chalice", "tensorflow", "pyjwt"))]
    api = (ROOT / "requirements.txt").read_text().lower()
    assert "matplotlib" not in api and "numpy" not in api
