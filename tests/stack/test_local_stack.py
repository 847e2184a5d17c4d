"""`emotecare up`: the whole platform starts, reports its health, wires events, keeps data."""
from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time

import boto3
import pytest
import requests

from emotecare_dev.local.seed import DEMO_USERS
from tests.support.stack import ROOT, StackProcess

pytestmark = pytest.mark.stack


def test_health_reports_every_component_up(stack):
    response = stack.health()
    assert response.status_code == 200
    report = response.json()
    assert report["ok"] is True
    assert {"dynamodb", "s3", "sqs", "cognito", "api", "frontend", "scheduler", "turn-relay",
            "events:inference", "events:report-worker"} <= set(report["components"])
    assert all(c["ok"] for c in report["components"].values())


def test_front_end_is_served_with_its_api_config(stack):
    import requests

    config = requests.get(f"{stack.frontend_url}/config.json", timeout=5).json()
    assert config["apiUrl"] == stack.api_url
    assert config["userPoolClientId"] == stack.env["EMOTECARE_USER_POOL_CLIENT_ID"]


def test_api_answers_cors_preflight_for_the_front_end_origin(stack):
    import requests

    response = requests.options(f"{stack.api_url}/health", timeout=5, headers={
        "Origin": stack.frontend_url, "Access-Control-Request-Method": "GET"})
    assert response.headers["Access-Control-Allow-Origin"] == stack.frontend_url


def test_unknown_route_is_a_json_404(stack):
    import requests

    response = requests.get(f"{stack.api_url}/no/such/thing", timeout=5)
    assert response.status_code == 404
    assert "no such route" in response.json()["error"]


def test_frame_batch_in_bucket_reaches_inference_handler_through_queue(stack):
    # Not a valid batch for a consented session: the handler must see it and reject it.
    key = f"frames/s-{time.time_ns()}/p-1/batch-0001.ecb"
    stack.client("s3").put_object(Bucket=stack.env["EMOTECARE_FRAMES_BUCKET"], Key=key,
                                  Body=b"not a real batch")
    log = stack.wait_for_log(key, timeout_s=30)
    handler_lines = [line for line in log.splitlines() if key in line]
    assert any("frame batch rejected" in line for line in handler_lines), handler_lines


def test_demo_users_can_sign_in(stack):
    cognito = stack.client("cognito-idp")
    for user in DEMO_USERS:
        tokens = cognito.initiate_auth(
            ClientId=stack.env["EMOTECARE_USER_POOL_CLIENT_ID"], AuthFlow="USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": user.email, "PASSWORD": user.password})
        assert tokens["AuthenticationResult"]["IdToken"]


def _user_row_count(stack: StackProcess) -> int:
    table = f"{stack.env['EMOTECARE_TABLE_PREFIX']}-users"
    return stack.client("dynamodb").scan(TableName=table, Select="COUNT")["Count"]


@pytest.mark.slow
def test_restart_keeps_accounts_and_data(tmp_path):
    first = StackProcess(tmp_path / "data").start()
    users_before = _user_row_count(first)
    marker = first.client("dynamodb")
    table = f"{first.env['EMOTECARE_TABLE_PREFIX']}-reports"
    marker.put_item(TableName=table, Item={"patient_id": {"S": "p-restart"},
                                           "week": {"S": "2026-W01"},
                                           "created_at": {"S": "2026-01-05T00:00:00Z"}})
    assert first.stop() == 0
    assert "Stopped; state saved." in first.log()

    second = StackProcess(tmp_path / "data", "--no-seed").start()
    try:
        assert _user_row_count(second) == users_before == len(DEMO_USERS)
        item = second.client("dynamodb").get_item(
            TableName=table, Key={"patient_id": {"S": "p-restart"}, "week": {"S": "2026-W01"}})
        assert "Item" in item
        demo = DEMO_USERS[-1]
        tokens = second.client("cognito-idp").initiate_auth(
            ClientId=second.env["EMOTECARE_USER_POOL_CLIENT_ID"], AuthFlow="USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": demo.email, "PASSWORD": demo.password})
        assert tokens["AuthenticationResult"]["IdToken"]
    finally:
        second.stop()


@pytest.mark.slow
def test_killed_stack_loses_at_most_the_last_save_interval(tmp_path):
    from emotecare_dev.local.emulator_server import STATE_FILE
    from emotecare_dev.local.stack import SAVE_EVERY_S
    from tests.support.frames import wait_for

    first = StackProcess(tmp_path / "data").start()
    table = f"{first.env['EMOTECARE_TABLE_PREFIX']}-reports"
    written_at = time.time()
    first.client("dynamodb").put_item(TableName=table, Item={
        "patient_id": {"S": "p-kill"}, "week": {"S": "2026-W02"},
        "created_at": {"S": "2026-01-12T00:00:00Z"}})
    saved = tmp_path / "data" / STATE_FILE  # replaced whole by each periodic save

    def saved_since(moment: float) -> float:
        return saved.stat().st_mtime if saved.exists() and saved.stat().st_mtime > moment else 0

    # The first save after the write may have taken its snapshot just before it; the one
    # after that certainly holds it.
    first_save = wait_for(lambda: saved_since(written_at), timeout_s=SAVE_EVERY_S + 15,
                          what="a periodic save after the write")
    wait_for(lambda: saved_since(first_save), timeout_s=SAVE_EVERY_S + 15,
             what="the next periodic save")
    first.stop(sig=signal.SIGKILL)
    assert _stops_answering(first.state["urls"]["aws"]), "the AWS emulator outlived its stack"

    second = StackProcess(tmp_path / "data", "--no-seed").start()
    try:
        item = second.client("dynamodb").get_item(
            TableName=table, Key={"patient_id": {"S": "p-kill"}, "week": {"S": "2026-W02"}})
        assert "Item" in item
    finally:
        second.stop()


def _stops_answering(url: str, within_s: float = 30) -> bool:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=1)
        except requests.ConnectionError:
            return True
        except requests.Timeout:
            pass  # shutting down: saving its state before it lets go of the port
        time.sleep(0.5)
    return False


def test_port_in_use_gives_a_clear_message(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "emotecare_dev.cli", "up", "--api-port", str(port),
             "--aws-port", "0", "--frontend-port", "0", "--data-dir", str(tmp_path / "d")],
            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert f"port {port} for the API is already in use" in result.stderr
