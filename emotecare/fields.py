"""Parse and validate JSON request bodies field by field.

`Fields(body, allowed)` rejects unknown keys, then each accessor checks one field's type,
length or range and raises `ValidationError` naming it (nested fields as `weekly[2].start`),
so every route answers malformed input with a 400 that says what to fix.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import Any, Callable, Iterable, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from emotecare.errors import ValidationError

T = TypeVar("T")
D = TypeVar("D", date, datetime)
_MISSING = object()
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$|^24:00$")
# Dates and instants outside these years are mistakes or probes. Inside them, adding a time
# zone offset or a session's length can never overflow Python's datetime (years 1-9999).
EARLIEST_YEAR, LATEST_YEAR = 1970, 2199


class Fields:
    """Typed access to a JSON object's fields; `prefix` names nested objects in errors."""

    def __init__(self, body: Any, allowed: Iterable[str], prefix: str = ""):
        self._prefix = prefix
        if not isinstance(body, dict):
            raise ValidationError("must be a JSON object", field=prefix or "body")
        self._body = body
        unknown = sorted(set(body) - set(allowed))
        if unknown:
            raise ValidationError(f"unknown field {unknown[0]!r}", field=self.name(str(unknown[0])))

    def name(self, field: str) -> str:
        return f"{self._prefix}.{field}" if self._prefix else field

    def fail(self, field: str, message: str) -> ValidationError:
        return ValidationError(f"{self.name(field)}: {message}", field=self.name(field))

    def has(self, field: str) -> bool:
        return self._body.get(field) is not None

    def _raw(self, field: str, default: Any) -> Any:
        value = self._body.get(field)
        if value is None:
            if default is _MISSING:
                raise self.fail(field, "is required")
            return default
        return value

    def text(self, field: str, *, max_len: int = 200, min_len: int = 1,
             default: Any = _MISSING) -> Any:
        value = self._raw(field, default)
        if value is default and default is not _MISSING:
            return value
        if not isinstance(value, str):
            raise self.fail(field, "must be a string")
        value = value.strip()
        if len(value) < min_len:
            raise self.fail(field, "must not be empty" if min_len == 1
                            else f"must be at least {min_len} characters")
        if len(value) > max_len:
            raise self.fail(field, f"must be at most {max_len} characters")
        return value

    def nested(self, field: str, allowed: Iterable[str]) -> "Fields":
        """The object in `field`, as Fields of its own (errors name it `field.key`)."""
        return Fields(self._raw(field, _MISSING), allowed, prefix=self.name(field))

    def secret(self, field: str, *, max_len: int = 256) -> str:
        """A string taken as given (passwords, codes, tokens: whitespace is significant)."""
        value = self._raw(field, _MISSING)
        if not isinstance(value, str) or not value:
            raise self.fail(field, "must be a non-empty string")
        if len(value) > max_len:
            raise self.fail(field, f"must be at most {max_len} characters")
        return value

    def integer(self, field: str, *, lo: int, hi: int, default: Any = _MISSING) -> Any:
        value = self._raw(field, default)
        if value is default and default is not _MISSING:
            return value
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(field, "must be a whole number")
        if not lo <= value <= hi:
            raise self.fail(field, f"must be between {lo} and {hi}")
        return value

    def number(self, field: str, *, lo: float, hi: float, default: Any = _MISSING) -> Any:
        value = self._raw(field, default)
        if value is default and default is not _MISSING:
            return value
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            raise self.fail(field, "must be a number")
        if not lo <= value <= hi:
            raise self.fail(field, f"must be between {lo} and {hi}")
        return value

    def boolean(self, field: str, *, default: Any = _MISSING) -> Any:
        value = self._raw(field, default)
        if value is default and default is not _MISSING:
            return value
        if not isinstance(value, bool):
            raise self.fail(field, "must be true or false")
        return value

    def choice(self, field: str, choices: Iterable[str], *, default: Any = _MISSING) -> Any:
        choices = tuple(choices)
        value = self._raw(field, default)
        if value is default and default is not _MISSING:
            return value
        if not isinstance(value, str) or value not in choices:
            raise self.fail(field, f"must be one of {', '.join(choices)}")
        return value

    def email(self, field: str, *, default: Any = _MISSING) -> Any:
        value = self.text(field, max_len=254, default=default)
        if value is default and default is not _MISSING:
            return value
        if not _EMAIL.match(value):
            raise self.fail(field, "must be an email address")
        return value.lower()

    def time_zone(self, field: str, *, default: Any = _MISSING) -> Any:
        value = self.text(field, max_len=64, default=default)
        if value is default and default is not _MISSING:
            return value
        return parse_time_zone(value, self.name(field))

    def instant(self, field: str, *, default: Any = _MISSING) -> Any:
        value = self._raw(field, default)
        if value is default and default is not _MISSING:
            return value
        return parse_instant(value, self.name(field))

    def hhmm(self, field: str) -> str:
        value = self._raw(field, _MISSING)
        if not isinstance(value, str) or not _HHMM.match(value):
            raise self.fail(field, "must be a time HH:MM (00:00 to 24:00)")
        return value

    def items(self, field: str, parse_item: Callable[[Any, str], T], *, max_items: int,
              default: Any = _MISSING) -> list[T]:
        """A list whose items `parse_item(item, "field[i]")` validates."""
        value = self._raw(field, default)
        if value is default and default is not _MISSING:
            return value
        if not isinstance(value, list):
            raise self.fail(field, "must be a list")
        if len(value) > max_items:
            raise self.fail(field, f"must have at most {max_items} items")
        return [parse_item(item, f"{self.name(field)}[{i}]") for i, item in enumerate(value)]

    def texts(self, field: str, *, max_items: int, max_len: int = 60,
              choices: Iterable[str] | None = None, default: Any = _MISSING) -> Any:
        """A list of short strings, optionally from a fixed vocabulary; duplicates dropped."""
        allowed = tuple(choices) if choices is not None else None

        def parse(item: Any, name: str) -> str:
            if not isinstance(item, str) or not item.strip() or len(item) > max_len:
                raise ValidationError(f"{name}: must be a non-empty string of at most "
                                      f"{max_len} characters", field=name)
            if allowed is not None and item not in allowed:
                raise ValidationError(f"{name}: must be one of {', '.join(allowed)}", field=name)
            return item.strip()

        parsed = self.items(field, parse, max_items=max_items, default=default)
        return list(dict.fromkeys(parsed)) if isinstance(parsed, list) else parsed


def parse_email(value: Any, field: str) -> str:
    if not isinstance(value, str) or len(value) > 254 or not _EMAIL.match(value.strip()):
        raise ValidationError(f"{field}: must be an email address", field=field)
    return value.strip().lower()


def parse_time_zone(value: Any, field: str) -> str:
    """An IANA time zone name (`Europe/London`), or 400 naming `field`."""
    if not isinstance(value, str) or not value or len(value) > 64 or ".." in value \
            or value.startswith("/"):
        raise ValidationError(f"{field}: must be an IANA time zone such as Europe/London",
                              field=field)
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ValidationError(f"{field}: unknown time zone {value!r}", field=field) from exc
    return value


def parse_instant(value: Any, field: str) -> datetime:
    """An ISO-8601 date-time with an offset or `Z`, as an aware UTC datetime."""
    if not isinstance(value, str) or len(value) > 40:
        raise ValidationError(f"{field}: must be an ISO-8601 date-time such as "
                              "2026-03-01T09:00:00Z", field=field)
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError as exc:
        raise ValidationError(f"{field}: not a valid ISO-8601 date-time", field=field) from exc
    check_year(parsed, field)
    if parsed.tzinfo is None:
        raise ValidationError(f"{field}: must include a UTC offset or Z", field=field)
    return parsed.astimezone(timezone.utc)


def parse_date(value: Any, field: str) -> date:
    if not isinstance(value, str) or len(value) != 10:
        raise ValidationError(f"{field}: must be a date YYYY-MM-DD", field=field)
    try:
        parsed = date.fromisoformat(value)
    except ValueError as exc:
        raise ValidationError(f"{field}: must be a date YYYY-MM-DD", field=field) from exc
    return check_year(parsed, field)


def check_year(moment: D, field: str) -> D:
    """`moment` itself, or a 400 naming `field` when its year is outside the supported range."""
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        raise ValidationError(f"{field}: must be in the years {EARLIEST_YEAR} to {LATEST_YEAR}",
                              field=field)
    return moment


