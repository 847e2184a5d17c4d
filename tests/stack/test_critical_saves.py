"""Locally, what a person relies on survives a `kill -9` of the AWS emulator (issue 24, point 7).

The emulator saves every 15 s; a sign-out, a password change or an erasure within those
seconds was undone by a kill, and queued messages (the dead-letter queue's too) were never
saved. Critical changes are now saved before they are answered, and queues are saved."""
from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
import requests

from emotecare_dev.local.emulator import SAVE_PATH
from tests.support.accounts import PASSWORD, make_user
from tests.support.stack import StackProcess

pytestmark = [pytest.mark.stack, pytest.mark.slow]
NEW_PASSWORD = "Brand-New-Passw0rd-2"


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _kill_everything_at_once(stack: StackProcess) -> None:
    """SIGKILL the emulator first (so it cannot save on its way out), then the stack."""
    for child in _children(stack.process.pid):
        if b"emulator_server" in Path(f"/proc/{child}/cmdline").read_bytes():
            os.kill(child, signal.SIGKILL)
    stack.stop(sig=signal.SIGKILL)


def _sign_in(stack, email: str, password: str) -> requests.Response:
    return requests.post(f"{stack.api_url}/auth/signin", timeout=30,
                         json={"email": email, "password": password})


def test_sign_out_password_change_erasure_and_queued_messages_survive_a_kill(tmp_path):
    first = StackProcess(tmp_path / "data", "--no-seed").start()
    try:
        leaving, changing, erased = (make_user(first, "patient") for _ in range(3))
        refresh_token = _sign_in(first, leaving.email, PASSWORD).json()["refresh_token"]
        requests.post(first.state["env"]["EMOTECARE_AWS_ENDPOINT"] + SAVE_PATH,
                      timeout=30).raise_for_status()  # the three accounts exist for sure
        sqs = first.client("sqs")
        dead_letters = next(url for url in sqs.list_queues()["QueueUrls"] if "dlq" in url)
        sqs.send_message(QueueUrl=dead_letters, MessageBody="a batch that failed thrice")
        # Within a second of each other, long before the next periodic save:
        assert leaving.post("/auth/signout").status_code == 204
        assert changing.put("/me/password", json={"current_password": PASSWORD,
                                                  "new_password": NEW_PASSWORD}).status_code == 200
        assert erased.delete("/me").status_code == 204
        # A queue message alone triggers no save: one critical change after it saves both.
        assert leaving.post("/auth/signout").status_code == 204
    finally:
        _kill_everything_at_once(first)

    second = StackProcess(tmp_path / "data", "--no-seed").start()
    try:
        refreshed = requests.post(f"{second.api_url}/auth/refresh", timeout=30,
                                  json={"refresh_token": refresh_token})
        assert refreshed.status_code == 401, refreshed.text  # still signed out
        assert _sign_in(second, changing.email, PASSWORD).status_code == 401
        assert _sign_in(second, changing.email, NEW_PASSWORD).status_code == 200
        assert _sign_in(second, erased.email, PASSWORD).status_code == 401
        users = second.client("dynamodb").get_item(
            TableName=f"{second.env['EMOTECARE_TABLE_PREFIX']}-users",
            Key={"user_id": {"S": erased.user_id}}, ConsistentRead=True)
        assert "Item" not in users
        queue = second.client("sqs")
        url = next(u for u in queue.list_queues()["QueueUrls"] if "dlq" in u)
        bodies = [m["Body"] for m in queue.receive_message(
            QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])]
        assert "a batch that failed thrice" in bodies
    finally:
        second.stop()
