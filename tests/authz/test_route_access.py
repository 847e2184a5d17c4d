"""Every route × every role: allowed, or 401 / 403 / 404 — never someone else's data."""
from __future__ import annotations

import pytest

from tests.authz.routes import ROWS, Row
from tests.authz.world import ROLES, World

pytestmark = [pytest.mark.stack, pytest.mark.slow]


@pytest.fixture(scope="module")
def world(stack) -> World:
    return World.build(stack)


def _declared_routes() -> set[tuple[str, str]]:
    import app

    return {(method, path) for path, entries in app.app.routes.items()
            for method, entry in entries.items()
            if not path.endswith("+}") and not entry.view_name.startswith("method_not_allowed")}


def test_table_covers_every_route_of_the_app():
    covered = {(row.method, _template(row.path)) for row in ROWS}
    missing = sorted(_declared_routes() - covered)
    assert not missing, f"add these routes to tests/authz/routes.py: {missing}"


def _template(path: str) -> str:
    """`/therapists/{pending_id}` is the app's `/therapists/{therapist_id}` route."""
    import app

    for declared in app.app.routes:
        if len(declared.split("/")) == len(path.split("/")) and all(
                a == b or (a.startswith("{") and b.startswith("{"))
                for a, b in zip(declared.split("/"), path.split("/"))):
            return declared
    return path


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.id)
def test_route_answers_each_role_as_the_table_says(world, row: Row):
    wrong = []
    for role in ROLES:
        if row.prepare and 200 <= row.expect[role] < 300:
            row.prepare(world)
        body = row.body(world) if callable(row.body) else row.body
        path = row.path.format(**world.params)
        response = world.request(role, row.method, path, json=body, params=row.query)
        if response.status_code != row.expect[role]:
            wrong.append(f"{role}: {response.status_code} (expected {row.expect[role]}) "
                         f"{response.text[:120]}")
    if row.prepare:
        row.prepare(world)  # leave fresh objects for the rows after this one
    assert not wrong, "\n".join(wrong)
