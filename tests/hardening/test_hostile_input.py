"""Hostile bodies get a 400 naming the field, never a 500 (issue 17, point 3)."""
from __future__ import annotations

import pytest
import requests

from tests.support.scheduling import book

pytestmark = pytest.mark.stack


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("method, path", [("POST", "/journal"), ("PATCH", "/me"),
                                          ("POST", "/auth/signin"), ("POST", "/chat/messages")])
@pytest.mark.parametrize("depth", [100, 5000])
def test_deeply_nested_json_is_a_400_naming_the_field(stack, patient, method, path, depth):
    raw = '{"notes": ' + _nested(depth) + "}"
    response = requests.request(method, f"{stack.api_url}{path}", data=raw,
                                headers={**patient.headers, "Content-Type": "application/json"},
                                timeout=30)
    assert response.status_code == 400, (response.status_code, response.text[:300])
    assert response.json()["field"] == "notes"
    assert "nested" in response.json()["error"]


def test_a_deeply_nested_body_without_fields_is_a_400(stack, patient):
    response = requests.post(f"{stack.api_url}/journal", data=_nested(5000),
                             headers={**patient.headers, "Content-Type": "application/json"},
                             timeout=30)
    assert response.status_code == 400, response.text[:300]
    assert "nested" in response.json()["error"]


@pytest.mark.parametrize("starts_at", ["9999-12-31T23:59:59Z", "9999-12-31T23:59:59-14:00",
                                       "0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00Z",
                                       "2999-01-01T10:00:00Z"])
def test_a_booking_in_an_impossible_year_is_a_400_naming_starts_at(stack, patient, therapist,
                                                                    starts_at):
    response = book(patient, therapist.user_id, starts_at)
    assert response.status_code == 400, (response.status_code, response.text[:300])
    assert response.json()["field"] == "starts_at"


@pytest.mark.parametrize("query", [{"from": "9999-12-31", "to": "9999-12-31"},
                                   {"from": "0001-01-01", "to": "0001-01-02"}])
def test_slots_of_impossible_dates_are_a_400(stack, patient, therapist, query):
    response = patient.get(f"/therapists/{therapist.user_id}/slots", params={**query, "tz": "UTC"})
    assert response.status_code == 400, (response.status_code, response.text[:300])
    assert response.json()["field"] in ("from", "to")


@pytest.mark.parametrize("body", [{"mood": 10 ** 400}, {"mood": 5, "sleep_hours": 1e308},
                                  {"mood": 5, "created_at": "9999-12-31T23:59:59-14:00"}])
def test_extreme_numbers_and_dates_in_a_journal_entry_are_a_400(stack, patient, body):
    response = patient.post("/journal", json=body)
    assert response.status_code == 400, (response.status_code, response.text[:300])
    assert response.json()["field"] in body


def test_an_infinite_number_is_a_400(stack, patient):
    response = requests.post(f"{stack.api_url}/journal", data='{"mood": 1e999}',
                             headers={**patient.headers, "Content-Type": "application/json"},
                             timeout=30)
    assert response.status_code == 400, (response.status_code, response.text[:300])
    assert response.json()["field"] == "mood"


# --- issue 24, point 6: lone UTF-16 surrogates, nulls, unknown keys -------------------------

_LONE = ("\ud800", "\udfff", "ok \ud83d")  # high, low, a broken pair after text


def _string_leaves(value, path=()):
    """Every string in `value` with where it sits (keys of dicts, indexes of lists)."""
    if isinstance(value, str):
        yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _string_leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _string_leaves(item, (*path, index))


def _with_leaf(value, path, new):
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = _with_leaf(value[path[0]], path[1:], new)
    return copy


@pytest.fixture(scope="module")
def world(stack):
    from tests.authz.world import World
    return World.build(stack)


def _writes_with_text():
    from tests.authz.routes import ROWS
    return [row for row in ROWS if row.method != "GET" and row.body is not None]


@pytest.mark.parametrize("row", _writes_with_text(), ids=lambda row: row.id)
def test_a_lone_surrogate_in_every_text_field_is_a_400_naming_it(world, row):
    # A role the route lets in (some answer 400 even to a good body: a wrong code, …); else
    # one it lets past the role check to a 404 (the body is read before the view looks the
    # object up: a booking without a payment). /auth/refresh answers everyone 401 (a bad
    # token), after reading the body.
    role = next((r for r, status in row.expect.items() if status not in (401, 403, 404)),
                next((r for r, status in row.expect.items() if status == 404), "anonymous"))
    body = row.body(world) if callable(row.body) else row.body
    path = row.path.format(**world.params)
    leaves = list(_string_leaves(body))
    for leaf in leaves:
        for lone in _LONE:
            hostile = _with_leaf(body, leaf, lone)
            response = world.request(role, row.method, path, json=hostile, params=row.query)
            assert response.status_code == 400, (leaf, lone, response.status_code,
                                                 response.text[:300])
            assert response.json()["field"] == leaf[0], response.text
            assert "character" in response.json()["error"], response.text


def test_a_lone_surrogate_in_a_key_is_a_400(stack, patient):
    response = patient.post("/journal", json={"mood": 5, "\udc00": "x"})
    assert response.status_code == 400, response.text[:300]


def test_a_lone_surrogate_at_sign_up_leaves_the_email_free(stack):
    from tests.authz.world import unique_email
    email = unique_email()
    body = {"email": email, "password": "Long-Enough-Pass-1", "name": "Sam \ud800"}
    refused = requests.post(f"{stack.api_url}/auth/signup", json=body, timeout=30)
    assert refused.status_code == 400, refused.text[:300]
    assert refused.json()["field"] == "name"
    again = requests.post(f"{stack.api_url}/auth/signup", json={**body, "name": "Sam"}, timeout=30)
    assert again.status_code == 201, again.text[:300]


def test_null_tags_on_a_new_resource_is_a_400_naming_tags(stack, admin):
    body = {"id": "null-tags", "title": "T", "topic": "anxiety", "type": "article",
            "reading_minutes": 3, "source_name": "S", "source_url": "https://example.org/a",
            "summary": "A summary in our words.", "tags": None}
    response = admin.post("/resources", json=body)
    assert response.status_code == 400, (response.status_code, response.text[:300])
    assert response.json()["field"] == "tags"


@pytest.mark.parametrize("path, body", [
    ("/sessions/{session_id}/consent", {"analysis_on": False, "sneaky": 1}),
    ("/sessions/{session_id}/signals", {"type": "offer", "payload": {}, "sneaky": 1}),
])
def test_session_bodies_refuse_unknown_keys_naming_them(world, path, body):
    method = "PUT" if path.endswith("consent") else "POST"
    response = world.request("patient", method, path.format(**world.params), json=body)
    assert response.status_code == 400, (response.status_code, response.text[:300])
    assert response.json()["field"] == "sneaky"


@pytest.mark.parametrize("kind, body", [("phq9", {"answers": [0] * 9, "sneaky": 1}),
                                        ("gad7", {"answers": [0] * 7, "difficulty": 1})])
def test_questionnaire_bodies_refuse_unknown_keys_naming_them(stack, patient, kind, body):
    response = patient.post(f"/questionnaires/{kind}/responses", json=body)
    assert response.status_code == 400, (response.status_code, response.text[:300])
    assert response.json()["field"] in ("sneaky", "difficulty")
