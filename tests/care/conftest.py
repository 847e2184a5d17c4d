"""Fresh people per test: care relationships change with every step the tests take."""
from __future__ import annotations

import pytest


@pytest.fixture
def patient(people):
    return people.patient()


@pytest.fixture
def therapist(people):
    return people.therapist()


@pytest.fixture
def new_therapist(people):
    return people.therapist()


@pytest.fixture
def rows(stack):
    """Row makers bound to the stack's tables (the reports tests' helpers)."""
    from emotecare.db import bind_models
    from emotecare.settings import get_settings
    from tests.reports.rows import RowMaker
    from tests.support.stack import this_process_on

    with this_process_on(stack):
        bind_models(get_settings())
        yield RowMaker()
