"""Text search with topic and type filters over the resources library."""
from __future__ import annotations

import re

from emotecare.library.resources import Resource

_WORD = re.compile(r"[a-z0-9]+")
# Fields in order of weight: a hit in the title counts more than one in the summary.
_FIELD_WEIGHTS = (("title", 3), ("tags", 2), ("topic", 2), ("summary", 1), ("source_name", 1))


def search_resources(resources: list[Resource], query: str | None = None, topic: str | None = None,
                     type: str | None = None, include_retired: bool = False) -> list[Resource]:
    """Return resources matching every word of `query` (prefix match), best first, after filters.

    With no query the filtered resources come back in their seed order.
    """
    pool = filter_resources(resources, topic=topic, type=type, include_retired=include_retired)
    terms = _WORD.findall((query or "").lower())
    if not terms:
        return pool
    scored = []
    for index, resource in enumerate(pool):
        score = _score(resource, terms)
        if score:
            scored.append((-score, index, resource))
    return [resource for _, _, resource in sorted(scored)]


def filter_resources(resources: list[Resource], topic: str | None = None, type: str | None = None,
                     include_retired: bool = False) -> list[Resource]:
    """Return resources of `topic` and `type` (either may be None), active ones only by default."""
    return [r for r in resources
            if (include_retired or r.status == "active")
            and (topic is None or r.topic == topic)
            and (type is None or r.type == type)]


def _score(resource: Resource, terms: list[str]) -> int:
    fields = {name: _WORD.findall(" ".join(getattr(resource, name)) if name == "tags"
                                  else str(getattr(resource, name)).lower())
              for name, _ in _FIELD_WEIGHTS}
    total = 0
    for term in terms:
        hit = sum(weight for name, weight in _FIELD_WEIGHTS if any(w.startswith(term) for w in fields[name]))
        if not hit:
            return 0  # every word must match somewhere
        total += hit
    return total
