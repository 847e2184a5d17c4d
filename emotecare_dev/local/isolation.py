"""Make moto's DynamoDB behave like AWS under concurrent requests, and keep it fast.

moto's server handles requests on threads without locking its DynamoDB backend: two
conditional writes can both pass their check before either writes, and a failed
`transact_write_items` restores a deep copy of whole tables taken before it ran, undoing
writes other threads committed meanwhile. The booking guarantee (one winner per slot) rests
on conditional writes, so the local stack serialises DynamoDB's mutating calls.

That whole-table copy also makes every transaction cost O(table size) (2.5 s at 4,000
items a table, measured): transactions here snapshot and restore only the items they touch.
"""
from __future__ import annotations

import copy as _copy
import functools
import threading
import types

_WRITES = ("put_item", "update_item", "delete_item", "batch_write_item")
_lock = threading.RLock()
_state = threading.local()


def _deepcopy(obj, memo=None):
    from moto.dynamodb.models.table import Table

    if isinstance(obj, Table) and getattr(_state, "skip_table_copies", False):
        return obj  # our wrapper restores the touched items itself
    return _copy.deepcopy(obj, memo)


def _touched_keys(backend, transact_items: list[dict]) -> list[tuple[str, dict]]:
    keys = []
    for item in transact_items:
        op_type, op = next(iter(item.items()))
        table = backend.get_table(op["TableName"])
        if op_type == "Put":
            key = {table.hash_key_attr: op["Item"][table.hash_key_attr]}
            if table.range_key_attr is not None:
                key[table.range_key_attr] = op["Item"][table.range_key_attr]
        else:
            key = op["Key"]
        keys.append((op["TableName"], key))
    return keys


def _transact_write_items(original):
    @functools.wraps(original)
    def transact(self, transact_items, *args, **kwargs):
        with _lock:
            try:
                touched = _touched_keys(self, transact_items)
            except Exception:  # malformed request: let moto report it its own way
                return original(self, transact_items, *args, **kwargs)
            saved = [(table, key, _copy.deepcopy(self.get_item(table, key)))
                     for table, key in touched]
            _state.skip_table_copies = True
            try:
                return original(self, transact_items, *args, **kwargs)
            except Exception:
                for table, key, before in saved:
                    if before is None:
                        if self.get_item(table, key) is not None:
                            self.delete_item(table, key)
                    else:
                        self.put_item(table, before.to_json()["Attributes"])
                raise
            finally:
                _state.skip_table_copies = False
    transact._serialised = True
    return transact


def _serialised(original):
    @functools.wraps(original)
    def serialised(self, *args, **kwargs):
        with _lock:
            return original(self, *args, **kwargs)
    serialised._serialised = True
    return serialised


def serialise_dynamodb_writes() -> None:
    """Lock moto's DynamoDB writes and make transactions snapshot items, not tables."""
    import moto.dynamodb.models as dynamodb_models
    from moto.dynamodb.models import DynamoDBBackend

    if getattr(DynamoDBBackend.transact_write_items, "_serialised", False):
        return
    shim = types.SimpleNamespace(**{name: getattr(_copy, name) for name in dir(_copy)
                                    if not name.startswith("__")})
    shim.deepcopy = _deepcopy
    dynamodb_models.copy = shim  # moto's `copy.deepcopy(table)` in transact_write_items
    DynamoDBBackend.transact_write_items = _transact_write_items(
        DynamoDBBackend.transact_write_items)
    for name in _WRITES:
        setattr(DynamoDBBackend, name, _serialised(getattr(DynamoDBBackend, name)))
