"""The deployable API zip really contains what the routes import."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_LIST_ROUTES = """
import json, sys
sys.path.insert(0, sys.argv[1])
import app, api.routing, emotecare.db.models, emotecare.reports.compile, jwt, pynamodb
print(json.dumps({
    "routes": sorted(app.app.routes),
    "events": sorted(s.name for s in app.app.event_sources),
    "modules": sorted({m.split('.')[0] for m in sys.modules}),
    "files": sorted({getattr(sys.modules[m], '__file__', '') or '' for m in ('api', 'emotecare', 'jwt', 'pynamodb')}),
}))
"""


@pytest.fixture(scope="module")
def packaged(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("package")
    result = subprocess.run([sys.executable, str(ROOT / "infra" / "package_api.py"), str(out)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_packaged_zip_imports_app_and_lists_routes_in_a_clean_interpreter(packaged, tmp_path):
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(packaged / "deployment.zip") as archive:
        archive.extractall(unpacked)
    # -I: no environment or user site; -S: no site-packages. Only the stdlib and the zip.
    result = subprocess.run([sys.executable, "-I", "-S", "-c", _LIST_ROUTES, str(unpacked)],
                            capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    listing = json.loads(result.stdout)
    assert "/health" in listing["routes"]
    assert "weekly-reports" in listing["events"]
    assert all(f.startswith(str(unpacked)) for f in listing["files"]), listing["files"]
    assert not {"tensorflow", "cv2", "moto"} & set(listing["modules"])


def test_packaged_zip_carries_the_runtime_whole_and_no_development_code(packaged):
    with zipfile.ZipFile(packaged / "deployment.zip") as archive:
        names = {n for n in archive.namelist() if "__pycache__" not in n and not n.endswith("/")}
    assert not [n for n in names if n.startswith(("tensorflow/", "cv2/", "moto/", "keras/",
                                                  "sklearn/", "emotecare_dev/", "tests/"))]
    for package in ("emotecare", "api", "functions"):  # each ships whole: nothing missing
        in_repo = {p.relative_to(ROOT).as_posix() for p in (ROOT / package).rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts}
        assert {n for n in names if n.startswith(package + "/")} == in_repo, package
    assert "app.py" in names
