"""The inference image's Dockerfile, the handler and the local stack name the same things.

Docker is not available here, so the image is checked statically: its base, layer order,
that every path it copies exists, that its CMD is the handler the local stack runs, and
that everything the handler imports is inside what it copies (and no TensorFlow or API code).
"""
from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from emotecare_dev.local.stack import INFERENCE_HANDLER

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "functions" / "inference" / "Dockerfile"


def _instructions() -> list[tuple[str, str]]:
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE.read_text())
    return [tuple(line.split(None, 1)) for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def _copy_sources() -> list[str]:
    return [src for op, args in _instructions() if op == "COPY" for src in args.split()[:-1]]


def test_image_is_built_on_the_lambda_python_base_with_dependencies_first():
    ops = _instructions()
    assert ops[0] == ("FROM", "public.ecr.aws/lambda/python:3.12")
    assert ops[1][0] == "COPY" and ops[1][1].startswith("requirements/inference.txt")
    assert ops[2][0] == "RUN" and "pip install" in ops[2][1]
    assert all(op != "RUN" for op, _ in ops[3:])  # code layers come after every install


def test_runtime_requirements_carry_no_tensorflow():
    lines = (ROOT / "requirements" / "inference.txt").read_text().lower().splitlines()
    packages = [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]
    assert not [p for p in packages if p.startswith(("tensorflow", "keras"))]
    assert any(p.startswith("ai-edge-litert") for p in packages)


@pytest.mark.parametrize("source", _copy_sources())
def test_every_path_the_dockerfile_copies_exists(source):
    assert (ROOT / source).exists(), source


def test_cmd_is_the_handler_the_local_stack_runs_and_it_exists():
    cmd = json.loads(next(args for op, args in _instructions() if op == "CMD"))
    assert cmd == [INFERENCE_HANDLER]
    module_name, _, attribute = INFERENCE_HANDLER.rpartition(".")
    assert (ROOT / (module_name.replace(".", "/") + ".py")).exists()
    assert callable(getattr(importlib.import_module(module_name), attribute))


def test_everything_the_handler_imports_is_copied_into_the_image():
    # The analyzer imports OpenCV and LiteRT when it is built, so it is built and run on a
    # frame: the closure is what a warm Lambda has loaded, not only what importing names.
    probe = ("import json, sys\n"
             "import cv2, numpy\n"
             "import functions.inference.handler\n"
             "from emotecare.pipeline.analyzer import get_analyzer\n"
             "frame = cv2.imencode('.jpg', numpy.full((240, 320, 3), 128, numpy.uint8))[1].tobytes()\n"
             "get_analyzer(None).analyze_bytes(frame)\n"
             "print(json.dumps({n: getattr(m, '__file__', None) for n, m in sys.modules.items()}))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    modules = json.loads(result.stdout)
    assert not {"tensorflow", "jwt", "chalice", "moto", "api"} & {n.split(".")[0] for n in modules}
    copied = [s.rstrip("/") for s in _copy_sources()]
    ours = [Path(f).relative_to(ROOT).as_posix() for n, f in modules.items()
            if f and n.split(".")[0] in ("emotecare", "functions")]
    missing = [f for f in ours if not any(f == c or f.startswith(c + "/") for c in copied)]
    assert not missing, f"imported by the handler but not copied into the image: {missing}"


def test_the_model_the_analyzer_loads_is_among_what_the_image_copies():
    from emotecare.vision.classifier import LABELS_FILE, MODEL_FILE

    model_sources = [s for s in _copy_sources() if s.startswith("model_artifacts")]
    # Exactly the files the analyzer loads: checkpoints or curves beside them never ship.
    assert sorted(model_sources) == sorted(f"model_artifacts/{f}" for f in (MODEL_FILE, LABELS_FILE))
    assert (ROOT / "model_artifacts" / MODEL_FILE).is_file()
    assert (ROOT / "model_artifacts" / LABELS_FILE).is_file()


def test_the_build_context_lets_in_only_what_the_image_copies():
    lines = [l.strip() for l in (ROOT / ".dockerignore").read_text().splitlines()
             if l.strip() and not l.lstrip().startswith("#")]
    assert lines[0] == "*", "everything is ignored first, then only the copied paths let back in"
    allowed = sorted(l[1:].rstrip("/") for l in lines if l.startswith("!"))
    assert allowed == sorted(s.rstrip("/") for s in _copy_sources())


def test_the_face_detector_model_and_its_licence_are_among_what_the_image_copies():
    from emotecare.vision.faces import MODEL_PATH

    relative = MODEL_PATH.relative_to(ROOT).as_posix()
    copied = [s.rstrip("/") for s in _copy_sources()]
    assert MODEL_PATH.is_file() and MODEL_PATH.stat().st_size > 100_000
    assert any(relative.startswith(c + "/") for c in copied), relative
    assert (MODEL_PATH.parent / "LICENSE-Apache-2.0.txt").is_file()
