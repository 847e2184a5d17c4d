"""Start and stop the whole platform locally: moto, the API, the front end, the events and
the TURN relay (coturn)."""
from __future__ import annotations

import importlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from emotecare import aws
from emotecare.db import bind_models
from emotecare.frontend_config import frontend_config
from emotecare.security_headers import security_headers
from emotecare.health import register_probe
from emotecare_dev.local.emulator import AwsEmulator
from emotecare_dev.local.events import QueuePump, Scheduler
from emotecare_dev.local.provision import provision
from emotecare_dev.local.seed import seed_demo_data
from emotecare_dev.local.servers import ApiServer, FrontendServer, ensure_port_free, pick_free_port
from emotecare_dev.local.turn import TurnServer
from emotecare_dev.local.stripe_server import (
    LOCAL_PUBLISHABLE_KEY, LOCAL_SECRET_KEY, StripeServer)
from emotecare.resources import PLATFORM, bucket_name, table_prefix
from emotecare.settings import Settings, env_name, local_data_dir, get_settings, settings_to_env

REPO_ROOT = Path(__file__).resolve().parents[2]
LOCAL_ACCOUNT_ID = "123456789012"  # moto's default account
INFERENCE_HANDLER = "functions.inference.handler.handler"
# Lambda runs several inference invocations at once (the event source mapping's maximum
# concurrency); so does the local stack, one pump per concurrent "invocation", sized like
# the dev stage's deployment (infra/stages.json).
LOCAL_STAGE_TWIN = "dev"
SAVE_EVERY_S = 15  # the emulator saves this often: a killed one loses at most this much


@dataclass
class StackOptions:
    aws_port: int = 4566
    api_port: int = 8001
    frontend_port: int = 8000
    turn_port: int = 3490  # not 3478: a system coturn (Debian enables its service) may hold it
    stripe_port: int = 8420
    data_dir: Path = field(default_factory=local_data_dir)
    region: str = "eu-west-2"
    seed: bool = True
    schedule_tick_s: float = 5.0


class LocalStack:
    """The running local platform; `start()` returns once every component is up."""

    def __init__(self, options: StackOptions):
        self.options = options
        self.emulator = AwsEmulator(options.aws_port, options.data_dir, SAVE_EVERY_S)
        self.stripe = StripeServer(options.stripe_port)
        self.app_module = None
        self.api: ApiServer | None = None
        self.frontend: FrontendServer | None = None
        self.scheduler = Scheduler(options.region, options.schedule_tick_s)
        self.pumps: list[QueuePump] = []
        self.settings: Settings | None = None
        self.turn = TurnServer(options.turn_port, options.data_dir)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.api.port}"

    @property
    def frontend_url(self) -> str:
        return f"http://127.0.0.1:{self.frontend.port if self.frontend else self.options.frontend_port}"

    def start(self) -> Settings:
        o = self.options
        ensure_port_free(o.aws_port, "AWS emulator (moto)")
        ensure_port_free(o.api_port, "API")
        ensure_port_free(o.frontend_port, "front end")
        ensure_port_free(o.turn_port, "TURN relay (coturn)")
        ensure_port_free(o.stripe_port, "Stripe stand-in (localstripe)")
        # Concrete ports up front: the API's CORS origin and the front end's config name them.
        o.aws_port, o.api_port, o.frontend_port, o.turn_port = (
            port or pick_free_port() for port in (o.aws_port, o.api_port, o.frontend_port, o.turn_port))
        self.emulator.port = o.aws_port
        self.turn.port = o.turn_port
        # The route table reads the CORS origin when app.py is imported, so set it first.
        os.environ[env_name("cors_origin")] = f"http://127.0.0.1:{o.frontend_port}"
        self.app_module = load_app_module()
        self.api = ApiServer(o.api_port, self.app_module)
        for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
            os.environ.setdefault(key, "local")  # moto accepts any; boto3 needs some
        self.emulator.start()
        self.turn.start()
        self.stripe.start()
        self.settings = self._configure(provision(self._base_settings(), LOCAL_ACCOUNT_ID))
        self.api.start()
        self.stripe.send_webhooks_to(f"{self.api_url}/payments/webhook")
        self.frontend = FrontendServer(REPO_ROOT / "frontend", o.frontend_port, self._frontend_config(),
                                       security_headers(self.api_url, [self.emulator.endpoint],
                                                        stripe_origin=self.stripe.url))
        self.frontend.start()
        self._wire_events()
        self._register_probes()
        if o.seed:
            seed_demo_data(self.settings)
        self.emulator.save()
        return self.settings

    def stop(self) -> None:
        for pump in self.pumps:
            pump.stop()
        self.scheduler.stop()
        if self.api:
            self.api.stop()
        if self.frontend:
            self.frontend.stop()
        self.turn.stop()
        self.stripe.stop()
        self.emulator.stop()  # saves state

    def _base_settings(self) -> Settings:
        o = self.options
        return Settings(
            stage="local", region=o.region,
            frames_bucket=bucket_name("local", LOCAL_ACCOUNT_ID, "frames"),
            reports_bucket=bucket_name("local", LOCAL_ACCOUNT_ID, "reports"),
            frames_queue_url="", reports_queue_url="", user_pool_id="", user_pool_client_id="",
            table_prefix=table_prefix("local"), aws_endpoint=self.emulator.endpoint,
            frontend_url=f"http://127.0.0.1:{o.frontend_port}",
            cors_origin=f"http://127.0.0.1:{o.frontend_port}",
            model_dir=str(REPO_ROOT / "model_artifacts"),
            turn_urls=json.dumps(self.turn.urls), turn_secret=self.turn.secret,
            stripe_api_base=self.stripe.url, stripe_js_url=f"{self.stripe.url}/js.stripe.com/v3/",
            stripe_secret_key=LOCAL_SECRET_KEY, stripe_publishable_key=LOCAL_PUBLISHABLE_KEY,
            stripe_webhook_secret=self.stripe.webhook_secret,
        )

    def _configure(self, settings: Settings) -> Settings:
        """Make `settings` this process's settings: the API and handlers read the environment."""
        os.environ.update(settings_to_env(settings))
        get_settings.cache_clear()
        aws.reset_clients()
        bind_models(settings)
        return settings

    def _frontend_config(self) -> dict:
        s = self.settings
        return frontend_config(self.api_url, s.region, s.user_pool_id, s.user_pool_client_id,
                               s.stage, stripe_js_url=s.stripe_js_url)

    def _wire_events(self) -> None:
        app_module = self.app_module
        from chalice.app import ScheduledEventConfig, SQSEventConfig

        sqs = aws.client("sqs", self.settings)
        queue_urls = {"frames": self.settings.frames_queue_url,
                      "reports": self.settings.reports_queue_url}
        from infra.stages import load_stage

        inference = load_stage(LOCAL_STAGE_TWIN).params["inference"]
        for i in range(inference["max_concurrency"]):
            self.pumps.append(QueuePump("inference" if i == 0 else f"inference-{i + 1}", sqs,
                                        queue_urls["frames"], _resolve(INFERENCE_HANDLER),
                                        self.settings.region, batch_size=inference["batch_size"]))
        for source in app_module.app.event_sources:
            handler = _resolve(source.handler_string)
            if isinstance(source, ScheduledEventConfig):
                expression = source.schedule_expression
                expression = expression if isinstance(expression, str) else expression.to_string()
                self.scheduler.add(source.name, expression, handler)
            elif isinstance(source, SQSEventConfig):
                PLATFORM.queue(source.queue)  # the queue key must be declared
                self.pumps.append(QueuePump(source.name, sqs, queue_urls[source.queue], handler,
                                            self.settings.region, batch_size=source.batch_size))
        for pump in self.pumps:
            pump.start()
        self.scheduler.start()

    def _register_probes(self) -> None:
        register_probe("aws-emulator", self.emulator.healthy)
        register_probe("api", self.api.healthy)
        register_probe("frontend", lambda: self.frontend is not None and self.frontend.healthy())
        register_probe("scheduler", self.scheduler.healthy)
        register_probe("turn-relay", self.turn.healthy)
        register_probe("stripe", self.stripe.healthy)
        for pump in self.pumps:
            register_probe(f"events:{pump.function_name}", pump.healthy)


def load_app_module():
    """The Chalice app module (`app.py` at the repository root)."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    return importlib.import_module("app")


def _resolve(handler_string: str):
    module_name, _, attribute = handler_string.rpartition(".")
    return getattr(importlib.import_module(module_name), attribute)
