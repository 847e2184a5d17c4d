"""Process-wide objects the routes share, created lazily on first request."""
from __future__ import annotations

import functools

from emotecare.accounts.tokens import TokenVerifier
from emotecare.db import bind_models
from emotecare.settings import Settings, get_settings


@functools.lru_cache(maxsize=1)
def token_verifier() -> TokenVerifier:
    return TokenVerifier(settings())


def settings() -> Settings:
    """The stage's settings, with the DynamoDB models bound to its tables."""
    current = get_settings()
    bind_models(current)
    return current
