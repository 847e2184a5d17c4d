"""moto in server mode, with its state saved to and restored from a data folder.

moto keeps everything in memory. To let accounts, bookings, emotion records and reports
survive a restart, the backends that hold durable data are pickled to
`<data_dir>/aws-state.pickle` periodically and on stop, and loaded before the server
starts. Queues are not saved: their messages are transient and they are re-created.
"""
from __future__ import annotations

import copyreg
import logging
import os
import pickle
import tempfile
import threading
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

_DURABLE_BACKENDS = ("dynamodb", "s3", "cognitoidp", "ses")
_STATE_FILE = "aws-state.pickle"


def _load_private_key(pem: bytes):
    return serialization.load_pem_private_key(pem, password=None)


def _reduce_private_key(key):
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    return _load_private_key, (pem,)


# moto's Cognito keeps an RSA key object, which pickle cannot store natively.
copyreg.pickle(type(rsa.generate_private_key(public_exponent=65537, key_size=2048)),
               _reduce_private_key)


class AwsEmulator:
    """A moto server on 127.0.0.1 whose durable state lives in `data_dir`."""

    def __init__(self, port: int, data_dir: Path):
        self.port = port
        self.data_dir = data_dir
        self._server = None
        self._save_lock = threading.Lock()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        from moto.server import ThreadedMotoServer

        from emotecare.local.isolation import serialise_dynamodb_writes
        from emotecare.local.s3_cors import apply_post_object_cors

        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        serialise_dynamodb_writes()
        apply_post_object_cors()  # browsers upload frames by presigned POST
        self.restore()
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self._server.start()
        if self.port == 0:
            self.port = self._server.get_host_and_port()[1]

    def stop(self) -> None:
        if self._server is not None:
            self.save()
            self._server.stop()
            self._server = None

    def save(self) -> None:
        """Write the durable backends atomically (a crash mid-write keeps the old file)."""
        import moto.backends

        state = {name: dict(moto.backends.get_backend(name)) for name in _DURABLE_BACKENDS}
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with self._save_lock:
            for _ in range(3):  # a request may mutate a backend while we pickle it
                try:
                    payload = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
                    break
                except RuntimeError:
                    continue
            else:
                return
            fd, tmp = tempfile.mkstemp(dir=self.data_dir, prefix=".state-")
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
            os.replace(tmp, self.data_dir / _STATE_FILE)

    def restore(self) -> bool:
        """Load saved state into moto's backends; False when there is none."""
        import moto.backends

        path = self.data_dir / _STATE_FILE
        if not path.exists():
            return False
        with path.open("rb") as handle:
            state = pickle.load(handle)
        for name, accounts in state.items():
            backend = moto.backends.get_backend(name)
            backend.clear()
            backend.update(accounts)
        return True
