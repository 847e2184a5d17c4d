"""Make moto's DynamoDB writes isolated from each other, as they are on AWS.

moto's server handles requests on threads without locking its DynamoDB backend: two
conditional writes can both pass their check before either writes, and a failed
`transact_write_items` restores a deep copy of whole tables taken before it ran, undoing
writes other threads committed meanwhile. The booking guarantee (one winner per slot) rests
on conditional writes, so the local stack serialises DynamoDB's mutating calls.
"""
from __future__ import annotations

import functools
import threading

_WRITES = ("put_item", "update_item", "delete_item", "transact_write_items",
           "batch_write_item")
_lock = threading.RLock()


def serialise_dynamodb_writes() -> None:
    """Wrap moto's DynamoDB write operations in one process-wide lock (idempotent)."""
    from moto.dynamodb.models import DynamoDBBackend

    for name in _WRITES:
        original = getattr(DynamoDBBackend, name, None)
        if original is None or getattr(original, "_serialised", False):
            continue

        @functools.wraps(original)
        def serialised(self, *args, _original=original, **kwargs):
            with _lock:
                return _original(self, *args, **kwargs)

        serialised._serialised = True
        setattr(DynamoDBBackend, name, serialised)
