"""Keep moto's instance tracking to the mail the tests read.

moto appends every model object it ever creates (each DynamoDB item version, each S3
object with its bytes, …) to a class-level list that only `/moto-api/data.json` reads and
nothing ever empties: a long-running local stack grows without bound and data.json (where
tests read the mail SES "sent") gets slower with every request. The local stack keeps
tracking for SES's models only.
"""
from __future__ import annotations

_TRACKED_PREFIX = "moto.ses."


def track_only_mail() -> None:
    """Make moto record instances of SES models only (idempotent)."""
    from moto.core.common_models import BaseModel

    if getattr(BaseModel.__new__, "_mail_only", False):
        return

    def __new__(cls, *args, **kwargs):  # noqa: N807 (replaces BaseModel.__new__)
        instance = object.__new__(cls)
        if cls.__module__.startswith(_TRACKED_PREFIX):
            cls.instances_tracked.append(instance)
        return instance

    __new__._mail_only = True
    BaseModel.__new__ = __new__
