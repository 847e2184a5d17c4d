"""A model's table definition in DynamoDB's own terms: keys, indexes, TTL.

The local stack and the CloudFormation template both build tables from these, so the keys,
index names and TTL attribute of a table are read from the PynamoDB model and nowhere else.
"""
from __future__ import annotations

from pynamodb.attributes import TTLAttribute


def _hash_first(key_schema: list[dict]) -> list[dict]:
    # DynamoDB wants HASH before RANGE; PynamoDB lists index keys in attribute order.
    return sorted(({"AttributeName": k["AttributeName"], "KeyType": k["KeyType"]}
                   for k in key_schema), key=lambda k: k["KeyType"] != "HASH")


def table_definition(model) -> dict:
    """Attribute definitions, key schema and GSIs of `model` (CreateTable's shapes)."""
    schema = model._get_schema()
    indexes = [{
        "IndexName": index["index_name"],
        "KeySchema": _hash_first(index["key_schema"]),
        "Projection": dict(index["projection"]),
    } for index in sorted(schema["global_secondary_indexes"], key=lambda i: i["index_name"])]
    if schema["local_secondary_indexes"]:
        raise NotImplementedError(f"{model.__name__}: local secondary indexes are not supported")
    return {
        "AttributeDefinitions": sorted(
            ({"AttributeName": a["AttributeName"], "AttributeType": a["AttributeType"]}
             for a in schema["attribute_definitions"]), key=lambda a: a["AttributeName"]),
        "KeySchema": _hash_first(schema["key_schema"]),
        "GlobalSecondaryIndexes": indexes,
    }


def ttl_attribute(model) -> str | None:
    """Name of the attribute DynamoDB expires items by, or None when the table keeps data."""
    names = [attr.attr_name for attr in model.get_attributes().values()
             if isinstance(attr, TTLAttribute)]
    if len(names) > 1:
        raise ValueError(f"{model.__name__} has more than one TTLAttribute: {names}")
    return names[0] if names else None
