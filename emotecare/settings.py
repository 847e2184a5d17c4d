"""The one place that reads the environment.

Every deployable (the Chalice API, the inference Lambda, the scheduled functions) and the
local stack build a `Settings` from `os.environ` through `get_settings()`; nothing else in
the code base reads environment variables. Required values missing → `SettingsError` with
the names, so a misconfigured function fails at its first call with a clear message
instead of with a KeyError deep inside a request.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path
from dataclasses import MISSING, dataclass, fields
from typing import Mapping

from emotecare.errors import SettingsError

_PREFIX = "EMOTECARE_"


@dataclass(frozen=True)
class Settings:
    """Configuration of one stage (local, dev, prod)."""

    stage: str
    region: str
    frames_bucket: str
    reports_bucket: str
    frames_queue_url: str
    reports_queue_url: str
    user_pool_id: str
    user_pool_client_id: str
    table_prefix: str
    aws_endpoint: str | None = None  # moto's URL locally; None on AWS
    jwks_url: str | None = None  # derived from region + pool unless set (moto serves its own)
    token_issuer: str | None = None
    sender_email: str = "no-reply@emotecare.example"
    frontend_url: str = "http://127.0.0.1:8000"
    cors_origin: str = "*"
    model_dir: str | None = None
    chat_backend: str = "local"
    bedrock_model_id: str = "anthropic.claude-3-haiku-20240307-v1:0"
    log_level: str = "INFO"
    # Live sessions and the frame pipeline.
    ice_servers: str = '[{"urls": ["stun:stun.l.google.com:19302"]}]'  # JSON RTCIceServer list
    # TURN relay (sessions/ice.py): coturn with the REST-API shared secret (the local stack),
    # or Kinesis Video Streams' managed TURN from a pool of signalling channels (AWS).
    turn_urls: str = ""  # JSON list of turn: URLs of a coturn that shares `turn_secret`
    turn_secret: str = ""
    turn_credential_ttl_s: int = 3600  # at most an hour
    turn_kvs_channels: str = ""  # JSON list of signalling channel ARNs
    frame_grant_expiry_s: int = 120
    feed_smoothing_s: float = 10.0  # the feed's moving average covers about this many seconds
    distress_valence: float = -0.3  # smoothed valence at or below this counts as distress…
    distress_seconds: float = 30.0  # …when it lasts this long
    # Payments (Stripe). Locally `emotecare up` points these at localstripe; on AWS the keys
    # come from the Secrets Manager secret `stripe_keys_secret_id` (see `stripe_keys`).
    stripe_api_base: str | None = None  # None: Stripe itself (https://api.stripe.com)
    stripe_js_url: str = "https://js.stripe.com/v3/"
    stripe_secret_key: str = ""
    stripe_publishable_key: str = ""
    stripe_webhook_secret: str = ""
    stripe_keys_secret_id: str | None = None

    @property
    def resolved_jwks_url(self) -> str:
        if self.jwks_url:
            return self.jwks_url
        return f"{self.resolved_issuer}/.well-known/jwks.json"

    @property
    def resolved_issuer(self) -> str:
        if self.token_issuer:
            return self.token_issuer
        return f"https://cognito-idp.{self.region}.amazonaws.com/{self.user_pool_id}"

    def table_name(self, suffix: str) -> str:
        return f"{self.table_prefix}-{suffix}"


_REQUIRED = [f.name for f in fields(Settings) if f.default is MISSING and f.name != "region"]


def _typed(f, raw: str):
    """Environment values are strings; numeric fields are converted (or named when malformed)."""
    kind = {"int": int, "float": float}.get(str(f.type))
    if kind is None:
        return raw
    try:
        return kind(raw)
    except ValueError as exc:
        raise SettingsError(f"{env_name(f.name)} must be a number, not {raw!r}") from exc


def env_name(field_name: str) -> str:
    """Name of the environment variable that sets `field_name`."""
    return _PREFIX + field_name.upper()


def load_settings(environ: Mapping[str, str]) -> Settings:
    """Build settings from an environment mapping, or raise `SettingsError` naming what is missing."""
    region = environ.get("AWS_REGION") or environ.get("AWS_DEFAULT_REGION")
    values: dict[str, object] = {"region": region}
    missing = [] if region else ["AWS_REGION"]
    for f in fields(Settings):
        if f.name == "region":
            continue
        raw = environ.get(env_name(f.name))
        if raw not in (None, ""):
            values[f.name] = _typed(f, raw)
        elif f.name in _REQUIRED:
            missing.append(env_name(f.name))
    if missing:
        raise SettingsError(
            "missing required setting(s): " + ", ".join(missing)
            + " (set them in the environment; `emotecare up` sets them for the local stack)"
        )
    return Settings(**values)  # type: ignore[arg-type]


@functools.lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings of this process, read once from `os.environ` at first use (never at import)."""
    return load_settings(os.environ)


def cors_allow_origin() -> str:
    """The origin the API allows (read at import by the route table, so it has a default)."""
    return os.environ.get(env_name("cors_origin")) or "*"


def local_data_dir() -> Path:
    """Where the local stack keeps its state (EMOTECARE_LOCAL_DATA_DIR, default `.local-data`)."""
    configured = os.environ.get(env_name("local_data_dir"))
    return Path(configured) if configured else Path(__file__).resolve().parents[1] / ".local-data"


@dataclass(frozen=True)
class StripeKeys:
    secret_key: str
    publishable_key: str
    webhook_secret: str


_stripe_keys_cache: dict[str, StripeKeys] = {}


def stripe_keys(settings: Settings, secrets_client_factory=None) -> StripeKeys:
    """The stage's Stripe keys: from Secrets Manager when `stripe_keys_secret_id` is set (a
    JSON secret with `secret_key`, `publishable_key`, `webhook_secret`; read once per
    process), otherwise from the settings themselves (the local stack's localstripe keys)."""
    secret_id = settings.stripe_keys_secret_id
    if not secret_id:
        keys = StripeKeys(settings.stripe_secret_key, settings.stripe_publishable_key,
                          settings.stripe_webhook_secret)
    elif secret_id in _stripe_keys_cache:
        keys = _stripe_keys_cache[secret_id]
    else:
        import json

        raw = secrets_client_factory().get_secret_value(SecretId=secret_id)["SecretString"]
        values = json.loads(raw)
        keys = StripeKeys(values.get("secret_key", ""), values.get("publishable_key", ""),
                          values.get("webhook_secret", ""))
        _stripe_keys_cache[secret_id] = keys
    if not keys.secret_key or not keys.webhook_secret:
        raise SettingsError("Stripe keys are not configured: set EMOTECARE_STRIPE_SECRET_KEY and "
                            "EMOTECARE_STRIPE_WEBHOOK_SECRET, or EMOTECARE_STRIPE_KEYS_SECRET_ID")
    return keys


def settings_to_env(settings: Settings) -> dict[str, str]:
    """The environment variables that reproduce `settings` (used by the local stack)."""
    env = {"AWS_REGION": settings.region, "AWS_DEFAULT_REGION": settings.region}
    for f in fields(Settings):
        value = getattr(settings, f.name)
        if f.name != "region" and value is not None:
            env[env_name(f.name)] = str(value)
    return env
