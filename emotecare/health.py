"""Health of every component the platform needs, checked live.

The AWS resources are always checked; the local stack registers extra probes for the
parts that only exist locally (event pump, scheduler, front-end server).
"""
from __future__ import annotations

import threading
from typing import Callable

from emotecare import aws
from emotecare.db import table_suffix
from emotecare.db.registry import all_models
from emotecare.settings import Settings

Probe = Callable[[], bool]
_extra_probes: dict[str, Probe] = {}
_lock = threading.Lock()


def register_probe(name: str, probe: Probe) -> None:
    """Add a component to the health report (`probe` returns True when it is up)."""
    with _lock:
        _extra_probes[name] = probe


def check_health(settings: Settings) -> dict:
    """Probe every component; `ok` is True only when all of them are up."""
    components: dict[str, dict] = {}
    _probe(components, "dynamodb", lambda: _tables_exist(settings))
    _probe(components, "s3", lambda: _buckets_exist(settings))
    _probe(components, "sqs", lambda: _queues_exist(settings))
    _probe(components, "cognito", lambda: bool(aws.client("cognito-idp", settings).describe_user_pool(
        UserPoolId=settings.user_pool_id)))
    with _lock:
        extra = dict(_extra_probes)
    for name, probe in extra.items():
        _probe(components, name, probe)
    return {"ok": all(c["ok"] for c in components.values()), "stage": settings.stage,
            "components": components}


def _probe(components: dict, name: str, probe: Probe) -> None:
    try:
        ok = bool(probe())
        components[name] = {"ok": ok} if ok else {"ok": False, "detail": "not ready"}
    except Exception as exc:  # a probe reports trouble; it must never break the report
        components[name] = {"ok": False, "detail": f"{type(exc).__name__}: {exc}"[:200]}


def _tables_exist(settings: Settings) -> bool:
    client = aws.client("dynamodb", settings)
    for model in all_models():
        client.describe_table(TableName=settings.table_name(table_suffix(model)))
    return True


def _buckets_exist(settings: Settings) -> bool:
    client = aws.client("s3", settings)
    for bucket in (settings.frames_bucket, settings.reports_bucket):
        client.head_bucket(Bucket=bucket)
    return True


def _queues_exist(settings: Settings) -> bool:
    client = aws.client("sqs", settings)
    for url in (settings.frames_queue_url, settings.reports_queue_url):
        client.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])
    return True



