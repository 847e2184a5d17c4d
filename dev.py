#!/usr/bin/env python3
"""Set up a fresh machine and run EmoteCare: `python3 dev.py up` or `python3 dev.py test`.

Needs only python3. Creates `.venv/` in the repository root, installs the Python
requirements (and, for the tests, Debian's chromium + chromium-driver when missing),
then starts the local stack or runs the whole test suite (`test --fast`: the tier without
the stack, the browser or training). Re-running skips what is done.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
_REQUIREMENTS = [ROOT / "requirements.txt", ROOT / "requirements" / "dev.txt",
                 ROOT / "requirements" / "inference.txt", ROOT / "pyproject.toml"]
_SYSTEM_PACKAGES = {"chromium": "/usr/bin/chromium", "chromium-driver": "/usr/bin/chromedriver",
                    "coturn": "/usr/bin/turnserver"}


def _run(*command: str, **kwargs) -> None:
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True, **kwargs)


def ensure_venv() -> None:
    """Create `.venv` and install requirements unless their hash is unchanged."""
    if not PYTHON.exists():
        _run(sys.executable, "-m", "venv", str(VENV))
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in _REQUIREMENTS)).hexdigest()
    marker = VENV / ".requirements.sha256"
    if marker.exists() and marker.read_text() == digest:
        return
    _run(str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    _run(str(PYTHON), "-m", "pip", "install", "--quiet", "-r", "requirements/dev.txt", cwd=ROOT)
    _run(str(PYTHON), "-m", "pip", "install", "--quiet", "--no-deps", "-e", ".", cwd=ROOT)
    marker.write_text(digest)


def ensure_system_packages() -> None:
    """Install Debian's coturn (the local TURN relay) and, for the browser tests, Chromium and
    its driver (never a downloaded browser)."""
    missing = [pkg for pkg, path in _SYSTEM_PACKAGES.items() if not Path(path).exists()]
    if not missing:
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    if sudo and not shutil.which("sudo"):
        sys.exit(f"dev.py: need root to install {', '.join(missing)} (apt-get)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    _run(*sudo, "apt-get", "update", "-qq", env=env)
    _run(*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing, env=env)


# The fast tier: no local stack, no browser, no model training (about a minute on two cores).
FAST_TIER = ["-m", "not stack and not browser and not slow"]


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("up", "test"):
        print("usage: python3 dev.py up [emotecare up options] | test [--fast] [pytest options]",
              file=sys.stderr)
        return 2
    ensure_venv()
    ensure_system_packages()
    if argv[0] == "up":
        os.execv(str(PYTHON), [str(PYTHON), "-m", "emotecare_dev.cli", "up", *argv[1:]])
    pytest_args = argv[1:]
    if "--fast" in pytest_args:
        pytest_args = [*FAST_TIER, *(a for a in pytest_args if a != "--fast")]
    result = subprocess.run([str(PYTHON), "-m", "pytest", *pytest_args], cwd=ROOT)
    # pytest exits 5 when it collected no tests: that is a failure for us, not a pass.
    return 1 if result.returncode == 5 else result.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
