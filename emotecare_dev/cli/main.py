"""Entry point of the `emotecare` command: each area registers its own sub-commands."""
from __future__ import annotations

import argparse
import importlib
import sys

# Each module exposes `register(subparsers)`; the sub-command's handler is stored as
# `func` on the parsed namespace and returns the process exit code.
_COMMAND_MODULES = [
    "emotecare_dev.cli.up",
    "emotecare_dev.cli.model",
    "emotecare_dev.cli.safety",
    "emotecare_dev.cli.report",
    "emotecare_dev.cli.demo",
]


class CommandError(Exception):
    """A user-facing failure: printed as one line on stderr, exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="emotecare", description=__doc__)
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # area not built yet
                continue
            raise
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except CommandError as exc:
        print(f"emotecare: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
