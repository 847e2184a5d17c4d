"""Turn a raw request body into a JSON object, refusing hostile shapes with a 400.

Python's JSON parser recurses per nesting level, so a body of 5,000 brackets is a
`RecursionError`; `1e999` parses as infinity, which no field accepts and some arithmetic
turns into an `OverflowError`; `"\ud800"` parses as a lone UTF-16 surrogate, a string that
cannot be encoded as UTF-8, so storing it fails (DynamoDB, Cognito, mail). All are refused
here, before any view sees the body, naming the top-level field they sit under: one place
for every stored text field of every route.
"""
from __future__ import annotations

import json
import math
from typing import Any

from emotecare.errors import ValidationError

MAX_BODY_BYTES = 256 * 1024
# Our deepest legitimate body is a list of objects inside an object (3 levels).
MAX_NESTING = 20
_OPENERS = frozenset(b"[{")
_CLOSERS = frozenset(b"]}")


def parse_json_object(raw: bytes) -> dict[str, Any]:
    """The body as a dict ({} when empty), or `ValidationError` saying what is wrong."""
    if not raw:
        return {}
    if len(raw) > MAX_BODY_BYTES:
        raise ValidationError("request body too large")
    _check_nesting(raw)
    try:
        body = json.loads(raw, parse_constant=_refuse_constant)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise ValidationError("request body is not valid JSON") from exc
    if not isinstance(body, dict):
        raise ValidationError("request body must be a JSON object")
    for field, value in body.items():
        if not _encodable(field):
            raise ValidationError("a field name contains an invalid character (a lone UTF-16 "
                                  "surrogate)", field="body")
        if not _all_finite(value):
            raise ValidationError(f"{field}: numbers must be finite and at most 1e308",
                                  field=str(field)[:100])
        if not _all_encodable(value):
            raise ValidationError(f"{field}: contains an invalid character (a lone UTF-16 "
                                  "surrogate); retype the text", field=str(field)[:100])
    return body


def _check_nesting(raw: bytes) -> None:
    """Refuse arrays/objects nested deeper than `MAX_NESTING`, naming the top-level key."""
    if sum(raw.count(c) for c in b"[{") <= MAX_NESTING:
        return  # cannot be too deep: the common case costs two byte counts
    depth, in_string, escaped = 0, False, False
    string_start, top_key = 0, None
    for index, byte in enumerate(raw):
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # closing quote
                in_string = False
                if depth == 1:  # in the top-level object, the last string before a value is its key
                    top_key = raw[string_start:index]
        elif byte == 0x22:
            in_string, string_start = True, index + 1
        elif byte in _OPENERS:
            depth += 1
            if depth > MAX_NESTING:
                field = _key_text(top_key) if raw.lstrip()[:1] == b"{" else None
                where = f"{field}: " if field else "request body "
                raise ValidationError(f"{where}is nested too deeply (at most {MAX_NESTING} levels "
                                      "of lists and objects)", field=field)
        elif byte in _CLOSERS:
            depth -= 1


def _key_text(key: bytes | None) -> str | None:
    if not key:
        return None
    try:
        return json.loads(b'"' + key + b'"')[:100]
    except ValueError:
        return None


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")


def _all_finite(value: Any) -> bool:
    """No infinite float anywhere in `value` (depth is bounded by `_check_nesting`)."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_all_finite(v) for v in value.values())
    if isinstance(value, list):
        return all(_all_finite(v) for v in value)
    return True


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _all_encodable(value: Any) -> bool:
    """No lone surrogate in any string or key of `value` (depth bounded as above)."""
    if isinstance(value, str):
        return _encodable(value)
    if isinstance(value, dict):
        return all(_encodable(k) and _all_encodable(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_all_encodable(v) for v in value)
    return True
