"""The moto server process: moto's backends, their saved state, and a save endpoint.

Run by `AwsEmulator` as its own process (`python -m emotecare_dev.local.emulator_server`) so
moto's request handling has an interpreter of its own: sharing one with the API and the
inference pumps, every DynamoDB or S3 call queued behind the GIL, and five live sessions
already saturated it (see docs/pipeline.md).

moto keeps everything in memory. To let accounts, bookings, emotion records, reports and
queued messages (the dead-letter queues' included) survive a restart, the backends that hold
durable data are pickled to `<data_dir>/aws-state.pickle` every `--save-every` seconds, on
`POST /_emotecare/save` and on SIGTERM/SIGINT, and loaded before the server starts.

Changes a person must be able to rely on are saved at once, before their request is answered
(`is_critical`): a sign-out, a password change or reset, a disabled or deleted Cognito user,
and the mark that starts an account's erasure (its rows are then deleted by the API and, if
the emulator dies first, by the erasure sweep after the restart). A `kill -9` of the emulator
can still lose the other writes of the last `--save-every` seconds (see README).
"""
from __future__ import annotations

import argparse
import copyreg
import functools
import io
import logging
import os
import pickle
import signal
import sys
import tempfile
import threading
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

DURABLE_BACKENDS = ("dynamodb", "s3", "cognitoidp", "ses", "sqs")
_COGNITO = "AWSCognitoIdentityProviderService."
CRITICAL_COGNITO_CALLS = frozenset(_COGNITO + name for name in (
    "AdminUserGlobalSignOut", "GlobalSignOut", "RevokeToken", "ChangePassword",
    "AdminSetUserPassword", "ConfirmForgotPassword", "AdminDisableUser", "AdminDeleteUser",
    "DeleteUser"))
STATE_FILE = "aws-state.pickle"
SAVE_PATH = "/_emotecare/save"
READY_PATH = "/_emotecare/ready"


def _load_private_key(pem: bytes):
    return serialization.load_pem_private_key(pem, password=None)


def _reduce_private_key(key):
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    return _load_private_key, (pem,)


# moto's Cognito keeps an RSA key object, which pickle cannot store natively.
copyreg.pickle(type(rsa.generate_private_key(public_exponent=65537, key_size=2048)),
               _reduce_private_key)


class StateFile:
    """The durable backends' state in `data_dir`, written atomically."""

    def __init__(self, data_dir: Path):
        self.path = data_dir / STATE_FILE
        self._lock = threading.Lock()

    def save(self) -> bool:
        """Write the durable backends (a crash mid-write keeps the old file); False if busy."""
        import moto.backends

        state = {name: dict(moto.backends.get_backend(name)) for name in DURABLE_BACKENDS}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock:
            for _ in range(3):  # a request may mutate a backend while we pickle it
                try:
                    payload = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
                    break
                except RuntimeError:
                    continue
            else:
                return False
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".state-")
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
            os.replace(tmp, self.path)
        return True

    def restore(self) -> bool:
        """Load saved state into moto's backends; False when there is none."""
        import moto.backends

        if not self.path.exists():
            return False
        with self.path.open("rb") as handle:
            state = pickle.load(handle)
        for name, accounts in state.items():
            backend = moto.backends.get_backend(name)
            backend.clear()
            backend.update(accounts)
        return True


def _erasure_mark() -> tuple[bytes, bytes]:
    """What the request that marks (or verifies) an erasure carries: its table and attribute."""
    from emotecare.db.standing import AccountStanding

    return (f"-{AccountStanding.Meta.table_name}\"".encode(),
            f"\"{AccountStanding.erasure_verified_at.attr_name}\"".encode())


def is_critical(target: str, body: bytes) -> bool:
    """Whether the AWS call (`X-Amz-Target`, body) must be saved before it is answered."""
    if target in CRITICAL_COGNITO_CALLS:
        return True
    if target == "DynamoDB_20120810.UpdateItem":
        table, attribute = _erasure_mark()
        return table in body and attribute in body  # the per-write counter names neither
    return False


def _with_control_routes(app, state: StateFile):
    """Answer the controller's two paths; save critical calls at once; the rest is moto's."""
    def control(environ, start_response):
        path = environ.get("PATH_INFO")
        if path == READY_PATH:
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [b"ready"]
        if path == SAVE_PATH and environ.get("REQUEST_METHOD") == "POST":
            saved = state.save()
            start_response("200 OK" if saved else "503 Service Unavailable",
                           [("Content-Type", "text/plain")])
            return [b"saved" if saved else b"busy: try again"]
        target = environ.get("HTTP_X_AMZ_TARGET", "")
        if not target.startswith((_COGNITO, "DynamoDB_20120810.UpdateItem")):
            return app(environ, start_response)
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        environ["wsgi.input"] = io.BytesIO(body)
        if not is_critical(target, body):
            return app(environ, start_response)
        answer = list(app(environ, start_response))  # moto has applied the change
        for _ in range(3):
            if state.save():
                break
        return answer
    return control


def _make_queues_picklable() -> None:
    """moto's Queue holds a `threading.Condition`, which pickle cannot store: drop it on save
    and make a fresh one on load (nothing waits on a queue across a restart)."""
    from moto.sqs.models import Queue

    def getstate(queue):
        state = queue.__dict__.copy()
        state.pop("_messages_lock", None)
        return state

    def setstate(queue, state):
        queue.__dict__.update(state)
        queue._messages_lock = threading.Condition()

    Queue.__getstate__, Queue.__setstate__ = getstate, setstate


def _prepare_moto() -> None:
    from moto import backends

    from emotecare_dev.local.isolation import serialise_dynamodb_writes
    from emotecare_dev.local.model_tracking import track_only_mail
    from emotecare_dev.local.s3_cors import apply_post_object_cors

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    serialise_dynamodb_writes()
    _make_queues_picklable()
    apply_post_object_cors()  # browsers upload frames by presigned POST
    track_only_mail()
    # moto lists its package folder on every request to route it; the list never changes.
    backends.list_of_moto_modules = functools.cache(
        lambda listing=backends.list_of_moto_modules: tuple(listing()))


def serve(port: int, data_dir: Path, save_every_s: float) -> int:
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
    from moto.server import MotoRequestHandler
    from werkzeug.serving import make_server

    _prepare_moto()
    state = StateFile(data_dir)
    state.restore()
    app = _with_control_routes(DomainDispatcherApplication(create_backend_app), state)
    server = make_server("127.0.0.1", port, app, threaded=True, request_handler=MotoRequestHandler)
    stopping = threading.Event()
    # Ctrl-C reaches the whole process group: `emotecare up` stops its own parts first and
    # then sends SIGTERM, so the last save holds everything they wrote.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stop_serving)

    def save_periodically():
        while not stopping.wait(save_every_s):
            state.save()

    threading.Thread(target=save_periodically, name="saver", daemon=True).start()
    try:
        server.serve_forever()
    except _StopServing:
        pass
    stopping.set()
    server.server_close()  # refuse new connections while the last save runs
    state.save()
    return 0


class _StopServing(Exception):
    """Raised in the main thread by SIGTERM to leave `serve_forever`."""


def _stop_serving(signum, frame):
    # No locks here: a handler that takes one deadlocks when a second signal interrupts it.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # the first SIGTERM wins; the save is not cut short
    raise _StopServing()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="moto with EmoteCare's saved state")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--save-every", type=float, default=15.0)
    args = parser.parse_args(argv)
    try:
        return serve(args.port, args.data_dir, args.save_every)
    except OSError as exc:  # the port was taken between the check and the bind
        print(f"emulator: cannot serve on port {args.port}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
