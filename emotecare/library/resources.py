"""Resources library items: the seed file, validation for admin edits, and retirement.

Summaries are our own words; `source_url` points to the original. Never paste text from
the source into `summary`.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

from emotecare.errors import NotFoundError, ValidationError

SEED_PATH = Path(__file__).with_name("seed_resources.json")
TOPICS = ("anxiety", "depression", "stress", "sleep", "grief", "relationships", "trauma", "self-esteem", "crisis")
TYPES = ("article", "exercise", "worksheet", "helpline", "video")
STATUSES = ("active", "retired")
MAX_SUMMARY_CHARS = 400  # a summary, not a copy


class ResourceNotFoundError(NotFoundError):
    """No resource with the requested id."""

    def __init__(self, resource_id: object):
        super().__init__(f"no such resource {str(resource_id)[:80]!r}")
        self.resource_id = resource_id


@dataclass(frozen=True)
class Resource:
    """One library item."""

    id: str
    title: str
    topic: str
    type: str
    reading_minutes: int
    source_name: str
    source_url: str
    summary: str
    tags: tuple[str, ...] = ()
    country: str | None = None
    status: str = "active"

    def to_dict(self) -> dict:
        """Return the JSON-ready form."""
        data = asdict(self)
        data["tags"] = list(self.tags)
        return data


def validate_resource(data: dict) -> Resource:
    """Build a `Resource` from admin input or the seed file, or raise `ValidationError`."""
    if not isinstance(data, dict):
        raise ValidationError("resource: must be an object", field="resource")
    for name in ("id", "title", "source_name", "summary"):
        if not isinstance(data.get(name), str) or not data[name].strip():
            raise ValidationError(f"{name}: is required", field=name)
    if data.get("topic") not in TOPICS:
        raise ValidationError(f"topic: must be one of {list(TOPICS)}", field="topic")
    if data.get("type") not in TYPES:
        raise ValidationError(f"type: must be one of {list(TYPES)}", field="type")
    minutes = data.get("reading_minutes")
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= 120:
        raise ValidationError("reading_minutes: must be a whole number of minutes from 1 to 120", field="reading_minutes")
    url = urlparse(data.get("source_url") or "")
    if url.scheme != "https" or not url.netloc:
        raise ValidationError("source_url: must be an https link to the source", field="source_url")
    if len(data["summary"]) > MAX_SUMMARY_CHARS:
        raise ValidationError(f"summary: keep it to {MAX_SUMMARY_CHARS} characters, in our own words", field="summary")
    status = data.get("status", "active")
    if status not in STATUSES:
        raise ValidationError(f"status: must be one of {list(STATUSES)}", field="status")
    tags = data.get("tags", [])
    if not isinstance(tags, (list, tuple)) or not all(isinstance(t, str) for t in tags):
        raise ValidationError("tags: must be a list of words", field="tags")
    return Resource(id=data["id"].strip(), title=data["title"].strip(), topic=data["topic"], type=data["type"],
                    reading_minutes=minutes, source_name=data["source_name"].strip(),
                    source_url=data["source_url"], summary=data["summary"].strip(),
                    tags=tuple(t.lower() for t in tags), country=data.get("country"), status=status)


def load_resources(path: Path | None = None) -> list[Resource]:
    """Return the seeded resources, validated (the default file is read once and cached)."""
    return list(_load_cached(str(path or SEED_PATH)))


@lru_cache(maxsize=4)
def _load_cached(path: str) -> tuple[Resource, ...]:
    with open(path, encoding="utf-8") as handle:
        raw = json.load(handle)
    items = tuple(validate_resource(item) for item in raw["resources"])
    ids = [item.id for item in items]
    if len(ids) != len(set(ids)):
        raise ValidationError("id: resource ids in the seed file must be unique", field="id")
    return items


def update_resource(resource: Resource, changes: dict) -> Resource:
    """Return `resource` with admin `changes` applied and re-validated (the id cannot change)."""
    if "id" in changes and changes["id"] != resource.id:
        raise ValidationError("id: cannot be changed", field="id")
    return validate_resource({**resource.to_dict(), **changes})


def retire_resource(resource: Resource) -> Resource:
    """Return `resource` marked retired: hidden from patients, kept for history."""
    return replace(resource, status="retired")


def get_resource(resources: list[Resource], resource_id: str) -> Resource:
    """Return the resource with `resource_id`, or raise `ResourceNotFoundError`."""
    for resource in resources:
        if resource.id == resource_id:
            return resource
    raise ResourceNotFoundError(resource_id)
