"""Start, save and stop the moto server process (`emulator_server`) of the local stack."""
from __future__ import annotations

import ctypes
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from emotecare_dev.local.emulator_server import READY_PATH, SAVE_PATH

_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """In the child: get SIGTERM (save, then exit) if `emotecare up` itself is killed."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:  # not Linux: the child may outlive a killed parent
        pass


def end_process(process: subprocess.Popen | None, timeout_s: float) -> None:
    """SIGTERM a child (it may save on the way out), then SIGKILL it after `timeout_s`."""
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class AwsEmulator:
    """A moto server process on 127.0.0.1 whose durable state lives in `data_dir`."""

    def __init__(self, port: int, data_dir: Path, save_every_s: float = 15.0):
        self.port = port
        self.data_dir = data_dir
        self.save_every_s = save_every_s
        self._process: subprocess.Popen | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout_s: float = 60) -> None:
        if not self.port:
            raise ValueError("the emulator needs a concrete port")
        self._process = subprocess.Popen(
            [sys.executable, "-m", "emotecare_dev.local.emulator_server", "--port", str(self.port),
             "--data-dir", str(self.data_dir), "--save-every", str(self.save_every_s)],
            preexec_fn=die_with_parent)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"the AWS emulator exited with code {self._process.returncode}")
            if self._get(READY_PATH):
                return
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the AWS emulator did not answer within {timeout_s:.0f} s")

    def healthy(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def save(self) -> None:
        """Have the emulator write its state now (it also does every `save_every_s`)."""
        request = urllib.request.Request(self.endpoint + SAVE_PATH, method="POST")
        for _ in range(3):
            try:
                with urllib.request.urlopen(request, timeout=120):
                    return
            except urllib.error.HTTPError as exc:
                if exc.code != 503:
                    raise
        raise RuntimeError("the AWS emulator could not save its state")

    def stop(self, timeout_s: float = 60) -> None:
        """Stop the emulator; it saves its state on the way out."""
        end_process(self._process, timeout_s)
        self._process = None

    def _get(self, path: str) -> bool:
        try:
            with urllib.request.urlopen(self.endpoint + path, timeout=2) as response:
                return response.status == 200
        except OSError:
            return False
