"""The local TURN relay: Debian's coturn on loopback with the REST-API shared secret.

The API hands out short-lived credentials derived from the same secret
(`emotecare/sessions/ice.py`), so a browser forced to `iceTransportPolicy: "relay"` connects
through it exactly as it would through a relay on AWS. The secret is new on every start;
coturn's user database is a private file in the data folder (its default is a system path
shared by every instance on the machine).
"""
from __future__ import annotations

import secrets
import shutil
import socket
import subprocess
import time
from pathlib import Path

from emotecare.errors import SettingsError
from emotecare_dev.local.emulator import die_with_parent, end_process

REALM = "emotecare.local"


class TurnServer:
    """A `turnserver` process listening on 127.0.0.1:`port` (UDP and TCP)."""

    def __init__(self, port: int, data_dir: Path):
        self.port = port
        self.data_dir = data_dir
        self.secret = secrets.token_urlsafe(24)
        self._process: subprocess.Popen | None = None

    @property
    def urls(self) -> list[str]:
        return [f"turn:127.0.0.1:{self.port}?transport=udp", f"turn:127.0.0.1:{self.port}?transport=tcp"]

    def command(self, executable: str) -> list[str]:
        folder = self.data_dir / "turn"
        return [executable, "-n", "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1",
                f"--listening-port={self.port}", "--use-auth-secret",
                f"--static-auth-secret={self.secret}", f"--realm={REALM}", "--no-tls", "--no-dtls",
                # The peers are browsers on this same machine: coturn refuses loopback peers
                # unless told otherwise.
                "--allow-loopback-peers", "--no-cli", f"--userdb={folder / 'turndb'}",
                f"--pidfile={folder / 'turnserver.pid'}", f"--log-file={folder / 'turn.log'}",
                "--no-stdout-log", "--simple-log"]

    def start(self, timeout_s: float = 20) -> None:
        executable = shutil.which("turnserver")
        if executable is None:
            raise SettingsError("coturn is not installed: run `python3 dev.py up` once, or "
                                "`apt-get install -y coturn`")
        (self.data_dir / "turn").mkdir(parents=True, exist_ok=True)
        self._process = subprocess.Popen(self.command(executable), stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL, preexec_fn=die_with_parent)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"coturn exited with code {self._process.returncode} "
                                   f"(log: {self.data_dir / 'turn' / 'turn.log'})")
            if self._accepts():
                return
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"coturn did not listen on port {self.port} within {timeout_s:.0f} s")

    def healthy(self) -> bool:
        return self._process is not None and self._process.poll() is None and self._accepts()

    def stop(self, timeout_s: float = 10) -> None:
        end_process(self._process, timeout_s)
        self._process = None

    def _accepts(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True
        except OSError:
            return False
