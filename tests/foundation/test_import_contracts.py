"""The import contracts in `.importlinter` hold, and they do fail when someone breaks them."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
_PACKAGES = ("emotecare", "emotecare_dev", "api", "functions", "infra")


def _lint(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=tree, capture_output=True,
                          text=True, timeout=300)


def _copy_of_the_tree(tmp_path: Path) -> Path:
    tree = tmp_path / "tree"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.json", "*.tflite", "*.md")
    for package in _PACKAGES:
        shutil.copytree(ROOT / package, tree / package, ignore=ignore)
    shutil.copy(ROOT / ".importlinter", tree / ".importlinter")
    return tree


def test_the_tree_keeps_every_import_contract():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize("module, forbidden_import, contract", [
    ("emotecare/_probe.py", "import emotecare_dev.local.stack", "runtime never imports"),
    ("emotecare/_probe.py", "import moto", "runtime never imports"),
    ("api/_probe.py", "from emotecare_dev.cli import main", "API never imports"),
    ("emotecare/plans/_probe.py", "from emotecare.reports import summary", "plans never read reports"),
])
def test_a_forbidden_import_in_a_new_module_breaks_its_contract(tmp_path, module, forbidden_import,
                                                                 contract):
    tree = _copy_of_the_tree(tmp_path)
    (tree / module).write_text(f'"""A module that breaks a contract on purpose."""\n{forbidden_import}\n')
    result = _lint(tree)
    assert result.returncode != 0
    assert "1 broken" in result.stdout
    assert contract in result.stdout.replace("\n", " ")
