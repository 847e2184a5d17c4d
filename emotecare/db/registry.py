"""Every DynamoDB model of the platform, in one list.

The local stack creates these tables, the infrastructure template declares them and
`bind_models` points them at a stage: add a new model's module here and nothing else
needs to know about it.
"""
from __future__ import annotations

import importlib

_MODEL_MODULES = [
    "emotecare.db.models",
    "emotecare.db.wellbeing",
    "emotecare.db.care",
    "emotecare.db.live",
    "emotecare.db.messaging",
    "emotecare.db.plans",
    "emotecare.db.throttle",
    "emotecare.db.grants",
    "emotecare.db.standing",
    "emotecare.db.payments",
]


def all_models() -> list[type]:
    """Model classes of all registered modules, in declaration order."""
    from pynamodb.models import Model

    models: list[type] = []
    for name in _MODEL_MODULES:
        module = importlib.import_module(name)
        for value in vars(module).values():
            if (isinstance(value, type) and issubclass(value, Model) and value is not Model
                    and value.__module__ == module.__name__ and hasattr(value.Meta, "table_name")):
                models.append(value)
    return models
