"""The deploy, destroy and smoke scripts: dry-run plans, and refusals without credentials."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from emotecare.frontend_config import frontend_config
from infra.stages import stage_names

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ("deploy", "destroy", "smoke")


def _run(script: str, *args: str, env: dict | None = None, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "infra" / script), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env=env, input=stdin)


def _no_credentials_env(tmp_path: Path) -> dict:
    """An environment in which boto3 finds no credentials anywhere (and asks no metadata service)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(HOME=str(tmp_path), AWS_CONFIG_FILE=str(tmp_path / "none"),
               AWS_SHARED_CREDENTIALS_FILE=str(tmp_path / "none"), AWS_EC2_METADATA_DISABLED="true")
    return env


def _commands(stdout: str) -> list[str]:
    return [line[2:] for line in stdout.splitlines() if line.startswith("+ ")]


def _index(commands: list[str], pattern: str) -> int:
    matches = [i for i, c in enumerate(commands) if re.search(pattern, c)]
    assert len(matches) == 1, f"{pattern!r} matched {len(matches)} commands:\n" + "\n".join(commands)
    return matches[0]


@pytest.mark.parametrize("stage", stage_names())
def test_deploy_dry_run_prints_the_complete_deployment_in_order(stage, tmp_path):
    result = _run("deploy", "--stage", stage, "--dry-run", env=_no_credentials_env(tmp_path))
    assert result.returncode == 0, result.stderr
    commands = _commands(result.stdout)
    steps = [
        r"^aws sts get-caller-identity",
        rf"infra/template\.py --stage {stage}$",
        rf"^aws cloudformation deploy .*--stack-name emotecare-{stage}-bootstrap .*bootstrap\.yaml",
        rf"^aws cloudformation describe-stacks .*--stack-name emotecare-{stage}-bootstrap ",
        r"^aws ecr get-login-password .*\| docker login .*--password-stdin",
        r"^docker build --platform linux/amd64 .*-f functions/inference/Dockerfile",
        r"^docker push ",
        rf"infra/package_api\.py infra/build/{stage}/package --stage {stage} --merge-template "
        rf"infra/build/{stage}/merge-template\.yaml$",
        rf"^aws cloudformation package .*--template-file infra/build/{stage}/package/sam\.yaml",
        rf"^aws cloudformation deploy .*--stack-name emotecare-{stage} .*packaged\.yaml.*CAPABILITY_IAM",
        rf"^aws cloudformation describe-stacks .*--stack-name emotecare-{stage} ",
        r"^# copy frontend/ .* config\.json",
        r"^aws s3 sync infra/build/\w+/site 's3://emotecare-\w+-site-<account-id>' --delete",
        r"^aws cloudfront create-invalidation ",
        rf"infra/smoke --stage {stage} --url ",
    ]
    positions = [_index(commands, step) for step in steps]
    assert positions == sorted(positions), "steps out of order"
    assert len(commands) == len(steps), "a command the plan does not account for"
    # The image pushed is the one the stack runs, from this stage's repository.
    pushed = commands[positions[6]].split()[-1].strip("'")
    assert f"/emotecare-{stage}-inference:" in pushed
    assert f"InferenceImageUri={pushed}" in commands[positions[9]].replace("'", "")
    # The front end's config names what the local stack's config names.
    assert all(f'"{key}"' in commands[positions[11]] for key in frontend_config("", "", "", "", ""))
    assert "front end: https://" in result.stdout and "API:" in result.stdout


def test_destroy_dry_run_keeps_data_unless_told(tmp_path):
    env = _no_credentials_env(tmp_path)
    kept = _commands(_run("destroy", "--dry-run", env=env).stdout)
    removed = _commands(_run("destroy", "--dry-run", "--delete-data", env=env).stdout)
    assert _index(kept, r"s3 rm 's3://emotecare-dev-site-") < _index(
        kept, r"cloudformation delete-stack --stack-name emotecare-dev$")
    assert not [c for c in kept if re.search(r"s3 rb|delete-table|delete-user-pool", c)]
    assert _index(removed, r"s3 rb 's3://emotecare-dev-frames-") > _index(
        removed, r"wait stack-delete-complete --stack-name emotecare-dev$")
    assert len([c for c in removed if "delete-table" in c]) >= 1
    assert _index(removed, r"delete-user-pool")


def test_destroy_asks_for_the_stack_name_and_deletes_nothing_otherwise(tmp_path):
    env = {**_no_credentials_env(tmp_path), "AWS_ACCESS_KEY_ID": "x", "AWS_SECRET_ACCESS_KEY": "y"}
    result = _run("destroy", "--stage", "dev", env=env, stdin="no\n")
    assert result.returncode == 6
    assert "not confirmed" in result.stderr and _commands(result.stdout) == []


@pytest.mark.parametrize("script", SCRIPTS)
def test_script_without_credentials_exits_with_one_clear_line(script, tmp_path):
    result = _run(script, "--stage", "dev", env=_no_credentials_env(tmp_path))
    assert result.returncode == 3
    assert result.stderr.count("\n") == 1 and "no AWS credentials" in result.stderr
    assert result.stdout == "", "nothing may run before the check"


@pytest.mark.parametrize("script", SCRIPTS)
def test_script_rejects_an_unknown_stage_in_one_line(script, tmp_path):
    result = _run(script, "--stage", "staging", "--dry-run", env=_no_credentials_env(tmp_path))
    assert result.returncode == 2 and result.stderr.strip() == (
        f"{script}: unknown stage 'staging'; known: {', '.join(stage_names())}")


def test_scripts_are_executable_and_embed_no_secrets():
    secret = re.compile(r"AKIA[0-9A-Z]{16}|aws_secret_access_key\s*=|SecretAccessKey['\"]?\s*[:=]")
    for path in [*(ROOT / "infra" / s for s in SCRIPTS), *(ROOT / "infra").rglob("*.py"),
                 ROOT / "infra" / "stages.json"]:
        text = path.read_text()
        assert not secret.search(text), path
        if path.name in SCRIPTS:
            assert os.access(path, os.X_OK) and text.startswith("#!/usr/bin/env python3")


@pytest.mark.stack
def test_smoke_passes_against_a_healthy_api(stack):
    result = _run("smoke", "--url", stack.api_url)
    assert result.returncode == 0, result.stderr
    assert "healthy:" in result.stdout and "dynamodb" in result.stdout


def test_smoke_fails_in_one_line_when_the_api_does_not_answer(tmp_path):
    import socket

    with socket.socket() as unused:  # a port nothing listens on
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    result = _run("smoke", "--url", f"http://127.0.0.1:{port}/api/", "--attempts", "1",
                  env=_no_credentials_env(tmp_path))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "/api/health answered 0" in result.stderr
