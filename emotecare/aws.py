"""boto3 clients, created lazily and cached per process (warm Lambdas reuse them).

Everything that talks to AWS gets its client from here, so the local stack (moto over
HTTP) and production differ only by `Settings.aws_endpoint`.
"""
from __future__ import annotations

import threading
from typing import Any

import boto3
from botocore.config import Config

from emotecare.settings import Settings, get_settings

_lock = threading.Lock()
_clients: dict[tuple[str, str, str | None], Any] = {}


def client(service: str, settings: Settings | None = None, endpoint_url: str | None = None) -> Any:
    """A cached boto3 client for `service` in the settings' region and endpoint.

    `endpoint_url` overrides the endpoint for services whose endpoint is handed out per
    resource (a Kinesis Video signalling channel's HTTPS endpoint).
    """
    settings = settings or get_settings()
    endpoint_url = endpoint_url or settings.aws_endpoint
    key = (service, settings.region, endpoint_url)
    with _lock:
        if key not in _clients:
            session = boto3.session.Session()
            _clients[key] = session.client(
                service,
                region_name=settings.region,
                endpoint_url=endpoint_url,
                config=Config(retries={"max_attempts": 3, "mode": "standard"},
                              max_pool_connections=50,
                              signature_version="s3v4" if service == "s3" else None),
            )
        return _clients[key]


def reset_clients() -> None:
    """Forget cached clients (tests and the local stack switch endpoints)."""
    with _lock:
        _clients.clear()
