"""`emotecare safety classify`: the safety check on standard input, one message per line."""
from __future__ import annotations

import argparse
import json
import sys


def register(subparsers) -> None:
    """Add the `safety` command group to the CLI."""
    parser = subparsers.add_parser("safety", help="run the chat safety check")
    commands = parser.add_subparsers(dest="safety_command", required=True)
    classify = commands.add_parser(
        "classify", help="read one message per line on stdin, print one JSON verdict per line")
    classify.add_argument("--evidence", action="store_true", help="also print the matched phrases")
    classify.set_defaults(func=classify_lines)


def classify_lines(args: argparse.Namespace, stdin=None, stdout=None) -> int:
    """Print `{"crisis": ..., "category": ...}` for every input line, in order, flushed per line.

    An empty line still gets a verdict (not a crisis) so output lines stay aligned with input.
    """
    from emotecare.safety import check_message  # imported here so `--help` stays fast

    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    for line in stdin:
        result = check_message(line.rstrip("\r\n"))
        verdict = {"crisis": result.crisis, "category": result.category}
        if getattr(args, "evidence", False):
            verdict["evidence"] = list(result.evidence)
        stdout.write(json.dumps(verdict) + "\n")
        stdout.flush()
    return 0
