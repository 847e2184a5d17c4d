"""Turn stored items into plain JSON for the patient's data export, whatever their attribute types.

PynamoDB's `to_simple_dict` refuses string, number and binary sets ("String set attributes
are not supported"), and a session's `joined` and a booking's `reminders_sent` are string
sets, so every export of a patient who had a session failed. This walks the attributes' Python
values instead: sets become sorted lists, binary becomes base64, times ISO strings, maps and
JSON attributes nested objects (a person reads the file; a JSON string inside JSON helps nobody).
"""
from __future__ import annotations

import base64
from datetime import datetime
from decimal import Decimal
from typing import Any

from pynamodb.attributes import MapAttribute
from pynamodb.models import Model

from emotecare.clock import iso


def item_to_json(item: Model) -> dict[str, Any]:
    """Every attribute of `item` that has a value, as JSON-ready data."""
    found = {}
    for name in item.get_attributes():
        value = getattr(item, name, None)
        if value is not None:
            found[name] = to_json_value(value)
    return found


def to_json_value(value: Any) -> Any:
    """One attribute value (or part of one) as JSON-ready data; unknown types are an error."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, datetime):
        return iso(value)
    if isinstance(value, MapAttribute):
        return to_json_value(value.as_dict())
    if isinstance(value, dict):
        return {str(k): to_json_value(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((to_json_value(v) for v in value), key=lambda v: (str(type(v)), v))
    if isinstance(value, (list, tuple)):
        return [to_json_value(v) for v in value]
    raise TypeError(f"no export format for {type(value).__name__} values")
