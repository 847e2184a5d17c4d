"""The inference image holds exactly what its handler needs: built here as a folder from the
Dockerfile's COPY lines (Docker is not available), then the handler is imported and run from
that folder alone in an isolated interpreter."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "functions" / "inference" / "Dockerfile"
FORBIDDEN = {"tensorflow", "keras", "jwt", "chalice", "moto", "api", "emotecare_dev", "sklearn"}

_PROBE = """
import json, sys
sys.path.insert(0, sys.argv[1])
import cv2, numpy as np
import functions.inference.handler
from emotecare.pipeline.analyzer import get_analyzer
analyzer = get_analyzer(sys.argv[1] + "/model_artifacts")  # the detector and the CNN, loaded
frame = (np.random.default_rng(0).random((240, 320)) * 255).astype("uint8")
analyzer.analyze(analyzer.decode(cv2.imencode(".jpg", frame)[1].tobytes()))
print(json.dumps({n: getattr(m, "__file__", None) for n, m in list(sys.modules.items())}))
"""


def _copies() -> list[tuple[list[str], str]]:
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE.read_text())
    lines = [l.split()[1:] for l in text.splitlines() if l.strip().upper().startswith("COPY ")]
    return [(args[:-1], args[-1]) for args in lines]


@pytest.fixture(scope="module")
def image_root(tmp_path_factory) -> Path:
    """The image's task root, laid out as `docker build` would: a file lands in a destination
    ending in `/` under its own name (else as the destination), a folder's contents land in
    the destination."""
    root = tmp_path_factory.mktemp("image")
    for sources, destination in _copies():
        target = root / destination.replace("${LAMBDA_TASK_ROOT}", "").strip("/")
        for source in sources:
            path = ROOT / source
            if path.is_dir():
                shutil.copytree(path, target, dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            else:
                into = target / path.name if destination.endswith("/") else target
                into.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(path, into)
    return root


def test_the_handler_imports_and_analyses_from_the_image_alone(image_root, tmp_path):
    # -I: no user site, no PYTHONPATH, no current folder: our code comes from the image only.
    result = subprocess.run([sys.executable, "-I", "-c", _PROBE, str(image_root)], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    modules = json.loads(result.stdout.splitlines()[-1])
    ours = {n: f for n, f in modules.items() if n.split(".")[0] in ("emotecare", "functions")}
    assert ours and all(f is None or f.startswith(str(image_root)) for f in ours.values()), \
        [f for f in ours.values() if f and not f.startswith(str(image_root))]
    assert not FORBIDDEN & {n.split(".")[0] for n in modules}


def test_the_image_carries_no_development_code_or_training_output(image_root):
    shipped = {p.relative_to(image_root).as_posix() for p in image_root.rglob("*")
               if p.is_file() and "__pycache__" not in p.parts}
    assert not [f for f in shipped if f.startswith(("emotecare_dev/", "tests/", ".venv/"))]
    for package in ("emotecare", "functions"):  # each ships whole, and nothing else with it
        in_repo = {p.relative_to(ROOT).as_posix() for p in (ROOT / package).rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts}
        assert {f for f in shipped if f.startswith(package + "/")} == in_repo
    model_files = sorted(f for f in shipped if f.startswith("model_artifacts/"))
    assert model_files == ["model_artifacts/emotion_cnn.tflite", "model_artifacts/labels.json"]
