"""Curated resources library: seed file, text search, topic/type filters, crisis lines by country.

API layer entry points: `load_resources()`, `search_resources(resources, query, topic, type)`,
`get_resource(resources, id)`, `validate_resource(data)` / `update_resource` / `retire_resource`
for admins, `list_crisis_lines(country=None)` for the crisis-lines page.
"""
from emotecare.library.resources import (SEED_PATH, STATUSES, TOPICS, TYPES, Resource, ResourceNotFoundError,
                                         get_resource, load_resources, retire_resource, update_resource,
                                         validate_resource)
from emotecare.library.search import filter_resources, search_resources
from emotecare.safety.helplines import INTERNATIONAL_DIRECTORY, find_country_lines, list_countries
from emotecare.errors import ValidationError


def list_crisis_lines(country: str | None = None) -> dict:
    """Return the crisis-lines page: the patient's country first (if known), then every country."""
    mine = find_country_lines(country)
    others = [c for c in list_countries() if mine is None or c.country != mine.country]
    return {"your_country": mine.to_dict() if mine else None,
            "countries": [c.to_dict() for c in others],
            "international_directory": INTERNATIONAL_DIRECTORY.to_dict()}


def find_resources_for_topics(topics: list[str], limit: int = 3) -> list[Resource]:
    """Return up to `limit` active, non-helpline resources for the given topics, in topic order."""
    found: list[Resource] = []
    for topic in topics:
        for resource in filter_resources(load_resources(), topic=topic):
            if resource.type != "helpline" and resource not in found:
                found.append(resource)
    return found[:limit]


__all__ = ["SEED_PATH", "STATUSES", "TOPICS", "TYPES", "Resource", "ResourceNotFoundError", "ValidationError",
           "filter_resources", "find_resources_for_topics", "get_resource", "list_crisis_lines",
           "load_resources", "retire_resource", "search_resources", "update_resource", "validate_resource"]
