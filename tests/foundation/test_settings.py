"""Settings come from the environment only, and refuse to start when incomplete."""
from __future__ import annotations

import subprocess
import sys

import pytest

from emotecare.errors import SettingsError
from emotecare.settings import Settings, load_settings, settings_to_env

COMPLETE = {
    "AWS_REGION": "eu-west-2",
    "EMOTECARE_STAGE": "dev",
    "EMOTECARE_FRAMES_BUCKET": "frames-bucket",
    "EMOTECARE_REPORTS_BUCKET": "reports-bucket",
    "EMOTECARE_FRAMES_QUEUE_URL": "https://sqs/frames",
    "EMOTECARE_REPORTS_QUEUE_URL": "https://sqs/reports",
    "EMOTECARE_USER_POOL_ID": "eu-west-2_abc",
    "EMOTECARE_USER_POOL_CLIENT_ID": "client",
    "EMOTECARE_TABLE_PREFIX": "emotecare-dev",
}


def test_complete_environment_loads_and_derives_cognito_urls():
    settings = load_settings(COMPLETE)
    assert settings.table_name("bookings") == "emotecare-dev-bookings"
    assert settings.resolved_issuer == "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_abc"
    assert settings.resolved_jwks_url.endswith("/eu-west-2_abc/.well-known/jwks.json")
    assert settings.aws_endpoint is None


@pytest.mark.parametrize("missing", sorted(COMPLETE))
def test_each_missing_required_value_is_named(missing):
    environ = {k: v for k, v in COMPLETE.items() if k != missing}
    with pytest.raises(SettingsError, match=missing):
        load_settings(environ)


def test_settings_round_trip_through_the_environment():
    settings = load_settings(COMPLETE)
    assert load_settings(settings_to_env(settings)) == settings
    assert isinstance(settings, Settings)


def test_cli_command_without_settings_or_stack_fails_with_one_clear_line(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "EMOTECARE_LOCAL_DATA_DIR": str(tmp_path / "no-stack-here")}
    result = subprocess.run(
        [sys.executable, "-m", "emotecare_dev.cli", "report", "--now"],
        capture_output=True, text=True, env=env, cwd=tmp_path.parent,
        timeout=120)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("emotecare: "), result.stderr


def test_no_runtime_module_but_settings_reads_the_environment():
    """`settings.py` is the one reader: a module that reads `os.environ` itself escapes
    validation and the local stack's wiring."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    readers = []
    for package in ("emotecare", "api", "functions"):
        for path in (root / package).rglob("*.py"):
            if path == root / "emotecare" / "settings.py":
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if (isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv")
                        and isinstance(node.value, ast.Name) and node.value.id == "os"):
                    readers.append(f"{path.relative_to(root)}:{node.lineno}")
    assert not readers, readers
