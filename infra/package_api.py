#!/usr/bin/env python3
"""Package the Chalice API (routes + scheduled functions) for deployment.

Chalice ships only `app.py`, `chalicelib/` and the contents of `vendor/`. Our routes import
`api`, `functions` and the runtime package `emotecare`, so those three folders are copied into
`vendor/` whole. Development-only code (the local stack, training, the CLI) lives in
`emotecare_dev/`, which is never copied; the import contracts (`.importlinter`) keep the
runtime from importing it. Usage:

    python infra/package_api.py OUT_DIR [--stage dev] [--merge-template FILE]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "vendor"
# What the API zip ships, whole. The vision code and the inference handler ride along unused
# (the API never imports them; tests/foundation/test_packaging.py checks the import closure).
SHIPPED_PACKAGES = ("api", "functions", "emotecare")


def vendor_sources() -> None:
    """Refresh `vendor/` with the packages the API imports."""
    shutil.rmtree(VENDOR, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for package in SHIPPED_PACKAGES:
        shutil.copytree(ROOT / package, VENDOR / package, ignore=ignore)


def package(out_dir: Path, stage: str, merge_template: Path | None) -> int:
    vendor_sources()
    command = [str(Path(sys.executable).with_name("chalice")), "--project-dir", str(ROOT), "package",
               "--stage", stage, "--pkg-format", "cloudformation", "--template-format", "yaml"]
    if merge_template:
        command += ["--merge-template", str(merge_template.resolve())]
    command.append(str(out_dir.resolve()))
    # `chalice package` only needs a region to build ARNs in the template.
    env = {**os.environ, "AWS_DEFAULT_REGION": os.environ.get("AWS_DEFAULT_REGION", "eu-west-2")}
    return subprocess.call(command, cwd=ROOT, env=env)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--stage", default="dev")
    parser.add_argument("--merge-template", type=Path)
    args = parser.parse_args(argv)
    if args.merge_template and not args.merge_template.exists():
        print(f"package_api: no such template: {args.merge_template}", file=sys.stderr)
        return 2
    return package(args.out_dir, args.stage, args.merge_template)


if __name__ == "__main__":
    sys.exit(main())
