"""The resources library in DynamoDB: seeded from the repo file, edited by admins.

Reads go through the `by-topic` index (one query per topic, never a table scan); the
library is small (tens to hundreds of items), so search ranks them in memory with the
domain's `search_resources`.
"""
from __future__ import annotations

from pynamodb.exceptions import DoesNotExist, PutError

from emotecare.clock import iso, utc_now
from emotecare.db.wellbeing import LibraryResource
from emotecare.errors import ConflictError, NotFoundError
from emotecare.library.resources import TOPICS, Resource, load_resources
from emotecare.log import get_logger

logger = get_logger("library")
_MAX_ID_CHARS = 80


def to_domain(row: LibraryResource) -> Resource:
    return Resource(id=row.resource_id, title=row.title, topic=row.topic, type=row.kind,
                    reading_minutes=int(row.reading_minutes), source_name=row.source_name or "",
                    source_url=row.source_url, summary=row.summary, tags=tuple(row.tags or ()),
                    country=row.country, status=row.status)


def to_row(resource: Resource) -> LibraryResource:
    return LibraryResource(resource.id, topic=resource.topic, kind=resource.type, title=resource.title,
                           summary=resource.summary, source_name=resource.source_name,
                           source_url=resource.source_url, reading_minutes=resource.reading_minutes,
                           tags=list(resource.tags), country=resource.country, status=resource.status,
                           updated_at=iso(utc_now()))


def load_library(topic: str | None = None) -> list[Resource]:
    """Every stored resource (retired too) of `topic`, or of every topic, in seed-file order."""
    topics = [topic] if topic else list(TOPICS)
    found = [to_domain(row) for t in topics for row in LibraryResource.by_topic.query(t)]
    order = {r.id: n for n, r in enumerate(load_resources())}
    return sorted(found, key=lambda r: (order.get(r.id, len(order)), r.id))


def load_resource(resource_id: str) -> Resource:
    if not isinstance(resource_id, str) or not 0 < len(resource_id) <= _MAX_ID_CHARS:
        raise NotFoundError("no such resource")
    try:
        return to_domain(LibraryResource.get(resource_id))
    except DoesNotExist as exc:
        raise NotFoundError("no such resource") from exc


def add_resource(resource: Resource) -> Resource:
    """Store a new resource; an id already taken is a conflict, never an overwrite."""
    try:
        to_row(resource).save(condition=LibraryResource.resource_id.does_not_exist())
    except PutError as exc:
        if getattr(exc, "cause_response_code", None) == "ConditionalCheckFailedException":
            raise ConflictError(f"a resource with id {resource.id!r} exists already") from exc
        raise
    return resource


def replace_resource(resource: Resource) -> Resource:
    """Store an edited resource over the existing one (same id)."""
    to_row(resource).save(condition=LibraryResource.resource_id.exists())
    return resource


def seed_library() -> int:
    """Add the repo's seed resources that are not stored yet; admin edits are kept."""
    added = 0
    for resource in load_resources():
        try:
            add_resource(resource)
            added += 1
        except ConflictError:
            continue
    if added:
        logger.info("resources seeded", extra={"added": added})
    return added
