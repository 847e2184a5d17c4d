"""The resources library through the API: search and read for everyone, curation for admins."""
from __future__ import annotations

import re
import secrets

from emotecare.accounts.tokens import Principal
from emotecare.errors import NotFoundError
from emotecare.fields import Fields
from emotecare.library import list_crisis_lines, store
from emotecare.library.resources import TOPICS, TYPES, retire_resource, update_resource, validate_resource
from emotecare.library.search import search_resources

_FIELDS = ("id", "title", "topic", "type", "reading_minutes", "source_name", "source_url", "summary",
           "tags", "country", "status")
_SLUG = re.compile(r"[^a-z0-9]+")


def browse(viewer: Principal | None, query: dict) -> dict:
    """`q` (every word, prefix match) with `topic` and `type` filters; retired items for admins."""
    f = Fields(query, ("q", "topic", "type", "include_retired"))
    topic = f.choice("topic", TOPICS, default=None)
    kind = f.choice("type", TYPES, default=None)
    text = f.text("q", max_len=200, min_len=0, default="")
    retired = f.choice("include_retired", ("true", "false"), default="false") == "true"
    if retired and not _is_admin(viewer):
        raise f.fail("include_retired", "only admins see retired resources")
    found = search_resources(store.load_library(topic), text, topic=topic, type=kind, include_retired=retired)
    return {"resources": [r.to_dict() for r in found], "count": len(found)}


def show(viewer: Principal | None, resource_id: str) -> dict:
    resource = store.load_resource(resource_id)
    if resource.status != "active" and not _is_admin(viewer):
        raise NotFoundError("no such resource")
    return resource.to_dict()


def add(body: dict) -> dict:
    """An admin adds an item (our own summary, a link to the source); the id is made if absent."""
    data = dict(_checked(body))
    if not data.get("id") and isinstance(data.get("title"), str):
        data["id"] = (_SLUG.sub("-", data["title"].lower()).strip("-")[:60] or "resource") + "-" + secrets.token_hex(3)
    return store.add_resource(validate_resource(data)).to_dict()


def edit(resource_id: str, body: dict) -> dict:
    _checked(body)
    return store.replace_resource(update_resource(store.load_resource(resource_id), body)).to_dict()


def retire(resource_id: str) -> None:
    """Hide an item from patients; it stays stored (history, and an admin can restore it)."""
    store.replace_resource(retire_resource(store.load_resource(resource_id)))


def helplines(query: dict) -> dict:
    """The crisis-lines page: the `country`'s lines first, then every other country's."""
    country = Fields(query, ("country",)).text("country", max_len=12, default=None)
    return list_crisis_lines(country)


def _checked(body: dict) -> dict:
    """Reject unknown fields and wrong JSON types; the domain then checks the values."""
    f = Fields(body, _FIELDS)
    for name in ("title", "source_name", "summary", "topic", "type", "status"):
        f.text(name, max_len=2000, min_len=0, default=None)
    f.text("id", max_len=80, default=None)
    f.text("source_url", max_len=500, default=None)
    f.text("country", max_len=2, min_len=2, default=None)
    if f.has("tags"):
        f.texts("tags", max_items=20, max_len=40)
    return body


def _is_admin(viewer: Principal | None) -> bool:
    return viewer is not None and viewer.role == "admin"
