"""DynamoDB tables as PynamoDB models, bound to a stage's table names at start-up.

Models declare only a table *suffix* (`Meta.table_name`); `bind_models(settings)` turns it
into the stage's real name and points every model at the settings' endpoint (moto locally).
The same model classes are the definition the local stack creates tables from and the
infrastructure template is generated from, so keys and indexes are written once.
"""
from __future__ import annotations

import threading

from emotecare.db.registry import all_models
from emotecare.settings import Settings

_bound: tuple | None = None
_lock = threading.Lock()


def bind_models(settings: Settings) -> None:
    """Point every registered model at `settings`' tables and endpoint (idempotent)."""
    global _bound
    key = (settings.table_prefix, settings.region, settings.aws_endpoint)
    with _lock:
        if _bound == key:
            return
        for model in all_models():
            meta = model.Meta
            if not hasattr(meta, "table_suffix"):
                meta.table_suffix = meta.table_name
            meta.table_name = settings.table_name(meta.table_suffix)
            meta.region = settings.region
            meta.host = settings.aws_endpoint
            # PynamoDB caches a connection per class; a stale one would keep the old table.
            model._connection = None
        _bound = key


def table_suffix(model) -> str:
    """The stage-independent part of a model's table name."""
    return getattr(model.Meta, "table_suffix", model.Meta.table_name)
