"""Shared fixtures: fake AWS credentials always; one real local stack per test session."""
from __future__ import annotations

import os

import pytest

from tests.support.people import people  # noqa: F401 (the one factory of test people)
from tests.support.stack import StackProcess


@pytest.fixture(autouse=True, scope="session")
def _fake_aws_credentials():
    # Any boto3 client made by a test must never reach real AWS.
    os.environ.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
                      AWS_SESSION_TOKEN="testing", AWS_DEFAULT_REGION="eu-west-2")
    yield


@pytest.fixture(scope="session")
def stack(tmp_path_factory) -> StackProcess:
    """The whole platform, started once with `emotecare up` (seeded demo data)."""
    running = StackProcess(tmp_path_factory.mktemp("stack") / "data").start()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def admin(people):
    """The admin of this test run (approves therapists; holds no data of their own)."""
    return people.admin()


@pytest.fixture
def stack_tables(stack):
    """The PynamoDB models of this test process pointed at the stack's moto (to inspect rows)."""
    from emotecare.db import bind_models
    from emotecare.settings import load_settings

    bind_models(load_settings(stack.env))
    return stack


def pytest_collection_modifyitems(config, items):
    """Mark by what a test needs, not by what its author remembered to write: anything that
    uses the running stack is `stack`, anything under tests/browser is `browser`, so the fast
    tier (`dev.py test --fast`, which deselects both) never starts a server by accident."""
    for item in items:
        if "stack" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.stack)
        if "tests/browser/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.browser)
