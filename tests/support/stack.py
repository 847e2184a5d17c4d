"""Run `emotecare up` as a real process for tests, and talk to it over HTTP."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import boto3
import requests

ROOT = Path(__file__).resolve().parents[2]



@contextmanager
def this_process_on(stack: "StackProcess"):
    """This test process's environment, settings and boto3 clients pointed at `stack` for the
    `with` block, then put back as they were (as fixtures do it: restored when the block ends,
    not when it raises)."""
    from emotecare import aws
    from emotecare.settings import get_settings

    saved = {k: os.environ.get(k) for k in stack.env}
    os.environ.update(stack.env)
    get_settings.cache_clear()
    aws.reset_clients()
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    get_settings.cache_clear()
    aws.reset_clients()

class StackProcess:
    """One `emotecare up` process on free ports with its own data folder."""

    def __init__(self, data_dir: Path, *extra_args: str):
        self.data_dir = data_dir
        self.extra_args = extra_args
        self.log_path = data_dir.parent / f"{data_dir.name}-stack.log"
        self.process: subprocess.Popen | None = None
        self.state: dict = {}

    def start(self, timeout_s: float = 120) -> "StackProcess":
        self.data_dir.mkdir(parents=True, exist_ok=True)
        (self.data_dir / "stack.json").unlink(missing_ok=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith("EMOTECARE_")}
        # MOTO_DISABLE_GLOBAL_CORS: S3 answers browsers with the bucket's own CORS rules, as
        # AWS does (moto otherwise allows every origin), so browser uploads are tested for real.
        env.update(AWS_ACCESS_KEY_ID="local", AWS_SECRET_ACCESS_KEY="local", PYTHONUNBUFFERED="1",
                   MOTO_DISABLE_GLOBAL_CORS="true")
        self._log = self.log_path.open("a")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "emotecare_dev.cli", "up", "--aws-port", "0", "--api-port", "0",
             "--frontend-port", "0", "--turn-port", "0", "--stripe-port", "0",
             "--data-dir", str(self.data_dir), *self.extra_args],
            cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT)
        try:
            return self._wait_until_healthy(timeout_s)
        except BaseException:
            # Never leave a half-started stack behind: pytest would start another per test.
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait(30)
            raise

    def _wait_until_healthy(self, timeout_s: float) -> "StackProcess":
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"emotecare up exited {self.process.returncode}:\n{self.log()}")
            state_file = self.data_dir / "stack.json"
            if state_file.exists():
                self.state = json.loads(state_file.read_text())
                if self._healthy():
                    return self
            time.sleep(0.3)
        raise TimeoutError(f"stack not healthy in {timeout_s}s:\n{self.log()}")

    def _healthy(self) -> bool:
        """A slow health answer on a busy machine means "not yet", not a failed start."""
        try:
            return self.health().status_code == 200
        except requests.Timeout:
            return False

    def stop(self, sig: int = signal.SIGINT, timeout_s: float = 60) -> int:
        assert self.process is not None
        self.process.send_signal(sig)
        code = self.process.wait(timeout_s)
        self._log.close()
        return code

    def log(self) -> str:
        return self.log_path.read_text() if self.log_path.exists() else ""

    @property
    def env(self) -> dict[str, str]:
        return self.state["env"]

    @property
    def api_url(self) -> str:
        return self.state["urls"]["api"]

    @property
    def frontend_url(self) -> str:
        return self.state["urls"]["frontend"]

    @property
    def stripe_url(self) -> str:
        return self.state["urls"]["stripe"]

    def health(self) -> requests.Response:
        return requests.get(self.state["urls"]["health"], timeout=10)

    def client(self, service: str):
        """A boto3 client on the stack's moto server (to seed or inspect state)."""
        return boto3.client(service, region_name=self.env["AWS_REGION"],
                            endpoint_url=self.env["EMOTECARE_AWS_ENDPOINT"],
                            aws_access_key_id="local", aws_secret_access_key="local")

    def wait_for_log(self, text: str, timeout_s: float = 20) -> str:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            log = self.log()
            if text in log:
                return log
            time.sleep(0.2)
        raise TimeoutError(f"{text!r} not in the stack's log:\n{self.log()[-3000:]}")
