"""Fixtures of the reports tests: this process bound to the running stack, and row makers."""
from __future__ import annotations

import os

import pytest

from tests.reports.rows import RowMaker


@pytest.fixture(scope="session")
def bound(stack):
    """Point this test process's settings, boto3 clients and PynamoDB models at the stack."""
    from emotecare import aws
    from emotecare.db import bind_models
    from emotecare.settings import get_settings

    saved = {k: os.environ.get(k) for k in stack.env}
    os.environ.update(stack.env)
    get_settings.cache_clear()
    aws.reset_clients()
    bind_models(get_settings())
    yield get_settings()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    get_settings.cache_clear()
    aws.reset_clients()


@pytest.fixture
def rows(bound) -> RowMaker:
    return RowMaker()
