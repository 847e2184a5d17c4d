"""Fixtures of the reports tests: this process bound to the running stack, and row makers."""
from __future__ import annotations

import pytest

from tests.reports.rows import RowMaker
from tests.support.stack import this_process_on


@pytest.fixture(scope="session")
def bound(stack):
    """Point this test process's settings, boto3 clients and PynamoDB models at the stack."""
    from emotecare.db import bind_models
    from emotecare.settings import get_settings

    with this_process_on(stack):
        bind_models(get_settings())
        yield get_settings()


@pytest.fixture
def rows(bound) -> RowMaker:
    return RowMaker()
