"""localstripe (a stateful fake of Stripe's API and of Stripe.js) for the local stack.

Its own `localstripe` command binds every interface and, unless told `--from-scratch`,
loads and saves its whole store at the fixed path /tmp/localstripe.pickle, which two stacks
(or test workers) would share. So we run its aiohttp app ourselves, on 127.0.0.1 only, in a
thread with its own event loop, and keep its store in memory: every start is from scratch.
"""
from __future__ import annotations

import asyncio
import secrets
import threading

import requests

# Any `sk_test_…` / `pk_test_…` key works with localstripe; the webhook secret is random
# per start so nothing outside this stack can sign an event it accepts.
LOCAL_SECRET_KEY = "sk_test_emotecare_local"
LOCAL_PUBLISHABLE_KEY = "pk_test_emotecare_local"
WEBHOOK_ID = "emotecare"


class StripeServer:
    """localstripe on 127.0.0.1:`port` (0: any free port), from scratch."""

    def __init__(self, port: int):
        self.port = port
        self.webhook_secret = "whsec_" + secrets.token_hex(16)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner = None
        self._thread: threading.Thread | None = None
        self._started = threading.Event()
        self._error: BaseException | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        from localstripe import resources

        # In memory only: the store saves itself to /tmp/localstripe.pickle on every change.
        resources.store.dump_to_disk = lambda: None
        resources.store.clear()
        self._thread = threading.Thread(target=self._serve, name="localstripe", daemon=True)
        self._thread.start()
        self._started.wait(30)
        if self._error is not None:
            raise self._error

    def _serve(self) -> None:
        from aiohttp import web
        from localstripe.server import app

        self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self._loop)
        try:
            self._runner = web.AppRunner(app, access_log=None)
            self._loop.run_until_complete(self._runner.setup())
            site = web.TCPSite(self._runner, "127.0.0.1", self.port)
            self._loop.run_until_complete(site.start())
            self.port = site._server.sockets[0].getsockname()[1]
        except BaseException as exc:  # reported by start()
            self._error = exc
            self._started.set()
            return
        self._started.set()
        self._loop.run_forever()
        self._loop.run_until_complete(self._runner.cleanup())

    def send_webhooks_to(self, url: str) -> None:
        """Deliver every event to `url`, signed with `webhook_secret` (as Stripe signs)."""
        response = requests.post(f"{self.url}/_config/webhooks/{WEBHOOK_ID}",
                                 data={"url": url, "secret": self.webhook_secret}, timeout=10)
        response.raise_for_status()

    def healthy(self) -> bool:
        try:
            return requests.get(f"{self.url}/js.stripe.com/v3/", timeout=2).status_code == 200
        except requests.RequestException:
            return False

    def stop(self) -> None:
        if self._loop is not None and self._loop.is_running():
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(10)
