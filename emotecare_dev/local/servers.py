"""HTTP servers of the local stack: the Chalice API (same app object) and the static front end."""
from __future__ import annotations

import errno
import functools
import json
import socket
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from emotecare.errors import SettingsError


def ensure_port_free(port: int, what: str) -> None:
    """Raise a clear error when `port` is taken (0 means: any free port)."""
    if port == 0:
        return
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise SettingsError(
                    f"port {port} for the {what} is already in use: stop what uses it or "
                    f"choose another port (see `emotecare up --help`)") from exc
            raise


def pick_free_port() -> int:
    """A port that was free a moment ago (for `--port 0`: let the system choose)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _greedy_route_matcher():
    """chalice local's RouteMatcher plus API Gateway's greedy `{name+}` segments."""
    from chalice.local import MatchResult, RouteMatcher

    class GreedyRouteMatcher(RouteMatcher):
        def match_route(self, url):
            try:
                return super().match_route(url)
            except ValueError:
                parts = url.split("?")[0].rstrip("/").split("/")
                for route in self.route_urls:
                    head, _, last = route.rpartition("/")
                    if last.endswith("+}") and len(parts) > len(head.split("/")):
                        prefix_len = len(head.split("/"))
                        if "/".join(parts[:prefix_len]) == head:
                            return MatchResult(route, {last[1:-2]: "/".join(parts[prefix_len:])},
                                               {})
                raise

    return GreedyRouteMatcher


class ApiServer:
    """Serve the Chalice app object as `chalice local` does, in a background thread."""

    def __init__(self, port: int, app_module):
        self.port = port
        self._app_module = app_module
        self._server = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        from chalice.config import Config
        import chalice.local
        from chalice.local import create_local_server

        # API Gateway matches `/{proxy+}` across segments; chalice local does not.
        chalice.local.RouteMatcher = _greedy_route_matcher()
        # socketserver's listen backlog is 5: a burst of simultaneous clients (a browser,
        # the booking race test) would see connections reset before a thread picks them up.
        chalice.local.ThreadedHTTPServer.request_queue_size = 128

        app_module = self._app_module
        config = Config.create(chalice_stage="local", app_name="emotecare",
                               project_dir=str(Path(app_module.__file__).parent))
        self._server = create_local_server(app_module.app, config, "127.0.0.1", self.port)
        self.port = self._server.server.server_address[1]
        self._thread = threading.Thread(target=self._server.server.serve_forever,
                                        name="api", daemon=True)
        self._thread.start()

    def healthy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server.server_close()


class _FrontendHandler(SimpleHTTPRequestHandler):
    config_json: bytes = b"{}"
    extra_headers: dict[str, str] = {}

    def end_headers(self):
        # The same security headers as CloudFront's response-headers policy, on every answer.
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def do_GET(self):  # noqa: N802 (http.server's naming)
        if self.path.split("?")[0] == "/config.json":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(self.config_json)))
            self.end_headers()
            self.wfile.write(self.config_json)
            return
        super().do_GET()

    def log_message(self, format, *args):  # keep the console for the stack's own lines
        pass


class FrontendServer:
    """Serve `frontend/` as static files, plus the `config.json` that points it at the API."""

    def __init__(self, root: Path, port: int, config: dict, headers: dict[str, str] | None = None):
        self.root, self.port, self.config = root, port, config
        self.headers = dict(headers or {})
        self._httpd: ThreadingHTTPServer | None = None

    def start(self) -> None:
        handler = functools.partial(type("Handler", (_FrontendHandler,), {
            "config_json": json.dumps(self.config).encode(), "extra_headers": self.headers}),
            directory=str(self.root))
        self._httpd = ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self.port = self._httpd.server_address[1]
        threading.Thread(target=self._httpd.serve_forever, name="frontend", daemon=True).start()

    def healthy(self) -> bool:
        return self._httpd is not None

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
