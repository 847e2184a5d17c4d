"""What the deploy, destroy and smoke scripts share: command running, dry runs, checks.

Each script is a list of commands run in order through a `Runner`. With `--dry-run` the
runner prints every command and runs none, substituting a `<placeholder>` for each value a
command would have returned, so the printed plan is the complete, ordered deployment.
"""
from __future__ import annotations

import argparse
import json
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parents[1]
NO_CREDENTIALS = 3  # exit codes the scripts share
MISSING_TOOL = 4
COMMAND_FAILED = 5


class ScriptError(Exception):
    """A step cannot go on; the message is the one line the user sees."""

    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code


class Runner:
    """Runs (or, dry, prints) commands; every command is echoed as `+ command` first."""

    def __init__(self, dry_run: bool, out=None):
        self.dry_run = dry_run
        self.out = out or sys.stdout

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    def run(self, command: Sequence[str], *, capture: bool = False, placeholder: str = "",
            stdin: str | None = None, shown: str | None = None) -> str:
        """Run `command`; return its stripped stdout when `capture` (dry: `placeholder`)."""
        self.say("+ " + (shown or shlex.join(command)))
        if self.dry_run:
            return placeholder
        try:
            result = subprocess.run(list(command), cwd=ROOT, check=True, text=True, input=stdin,
                                    stdout=subprocess.PIPE if capture else None)
        except subprocess.CalledProcessError as exc:
            raise ScriptError(f"command failed ({exc.returncode}): {shlex.join(command)}",
                              COMMAND_FAILED) from exc
        return result.stdout.strip() if capture else ""

    def pipe(self, producer: Sequence[str], consumer: Sequence[str]) -> None:
        """`producer | consumer`, without the piped value (a password) ever being printed."""
        shown = f"{shlex.join(producer)} | {shlex.join(consumer)}"
        secret = self.run(producer, capture=True, shown=shown)
        if not self.dry_run:
            self.run(consumer, stdin=secret, shown="  (password on stdin)")

    def step(self, description: str, action) -> None:
        """A step done in Python (writing a file): described, and skipped when dry."""
        self.say(f"+ # {description}")
        if not self.dry_run:
            action()


def require_credentials(tool: str) -> None:
    """Stop with one line on stderr unless boto3's usual chain finds AWS credentials."""
    import boto3

    if boto3.session.Session().get_credentials() is None:
        raise ScriptError(
            f"{tool}: no AWS credentials found; set AWS_PROFILE (or AWS_ACCESS_KEY_ID and "
            "AWS_SECRET_ACCESS_KEY), or run `aws configure` / `aws sso login`", NO_CREDENTIALS)


def require_tools(tool: str, *names: str) -> None:
    missing = [name for name in names if shutil.which(name) is None]
    if missing:
        raise ScriptError(f"{tool}: needs {', '.join(missing)} on PATH (see docs/deploy.md)",
                          MISSING_TOOL)


def stage_named(name: str):
    """The stage's parameters, or a one-line error naming the known stages."""
    from infra.stages import load_stage

    try:
        return load_stage(name)
    except ValueError as exc:
        raise ScriptError(str(exc), 2) from exc


def base_parser(description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--stage", default="dev", help="stage from infra/stages.json (default dev)")
    parser.add_argument("--dry-run", action="store_true",
                        help="print every command in order and run none (needs no credentials)")
    return parser


def stack_outputs(runner: Runner, region: str, stack: str, keys: Sequence[str],
                  placeholders: dict[str, str] | None = None) -> dict[str, str]:
    """The named outputs of `stack` (dry: `placeholders`, else `<Key>`)."""
    dry = {k: (placeholders or {}).get(k, f"<{k}>") for k in keys}
    text = runner.run(["aws", "cloudformation", "describe-stacks", "--region", region,
                       "--stack-name", stack, "--query", "Stacks[0].Outputs", "--output", "json"],
                      capture=True, placeholder=json.dumps(
                          [{"OutputKey": k, "OutputValue": v} for k, v in dry.items()]))
    outputs = {o["OutputKey"]: o["OutputValue"] for o in json.loads(text or "[]")}
    missing = [k for k in keys if k not in outputs]
    if missing:
        raise ScriptError(f"stack {stack} has no output(s) {', '.join(missing)}", COMMAND_FAILED)
    return outputs


def main_guard(tool: str, body) -> int:
    """Run `body()`; a ScriptError becomes its one stderr line and exit code."""
    try:
        body()
    except ScriptError as exc:
        print(str(exc) if str(exc).startswith(f"{tool}:") else f"{tool}: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"{tool}: interrupted", file=sys.stderr)
        return 130
    return 0
