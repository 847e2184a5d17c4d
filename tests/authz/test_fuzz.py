"""Property-based fuzzing of every route in the authorisation table: no malformed request
(body, JSON shape, path id, query string, role) may produce a 5xx."""
from __future__ import annotations

from urllib.parse import quote

import pytest
import requests
from hypothesis import HealthCheck, given, settings, strategies as st

from tests.authz.routes import ROWS
from tests.authz.world import ROLES, World

pytestmark = [pytest.mark.stack, pytest.mark.slow]

# Every body field name the API knows, so generated objects reach the validators.
FIELDS = ["email", "password", "name", "role", "time_zone", "country", "code",
          "refresh_token", "therapist_id", "starts_at", "therapy_type", "message",
          "participants", "reason", "text", "weekly", "exceptions", "concerns", "language",
          "times", "budget", "licence_verified", "notes", "bio", "photo_url", "credentials",
          "licence_number", "jurisdiction", "years_experience", "therapy_types", "specialties",
          "languages", "price_per_session", "currency", "weekday", "start", "end", "from", "to",
          "conversation_id", "mood", "tags", "sleep_hours", "created_at", "answers", "difficulty",
          "cadence_days", "id", "title", "topic", "type", "reading_minutes", "source_name",
          "source_url", "summary", "status", "current_password", "new_password"]
FIELDS += ["goals", "interventions", "summary_for_patient", "version", "goal_id", "measure",  # plans
           "baseline", "target", "direction", "review_by", "shared", "intervention_id",
           "resource_id", "homework_every_days", "value", "recorded_at", "done", "day"]
PLAUSIBLE = st.sampled_from([
    "2030-01-07T10:00:00Z", "2020-01-01T00:00:00Z", "2030-02-30T10:00:00Z", "24:00", "25:61",
    "Europe/London", "../../etc/passwd", "individual", "couple", "anxiety", "en", "", " ",
    "a@b.co", "x" * 5000, "\u0000", "\ud7ff", "NaN", "-1", "1e309", "{}", "[]",
    # Extreme dates (issue 17): adding an offset or a session length overflowed datetime.
    "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00",
    "9999-12-31", "0001-01-01", "9999-W52", "2199-12-31T23:59:59-12:00"])
EXTREME_NUMBERS = st.sampled_from([10 ** 30, -(2 ** 63), 2 ** 64, 1e308, -1e308, 5e-324, 2 ** 53 + 1])
# Lone UTF-16 surrogates (issue 24): valid JSON escapes that no UTF-8 store accepts. Bodies
# only: a URL cannot carry them at all (the client cannot encode them).
LONE_SURROGATES = st.sampled_from(["\ud800", "ok \udfff", "\udc00 end"])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
                    st.text(max_size=40), PLAUSIBLE, EXTREME_NUMBERS, LONE_SURROGATES)
JSON = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8),
                                                 inner, max_size=4)), max_leaves=12)
BODIES = st.one_of(JSON, st.dictionaries(st.sampled_from(FIELDS), JSON, max_size=6))
IDS = st.one_of(st.text(min_size=1, max_size=80), st.sampled_from(["me", "0", "%00", "null"]))
QUERY = st.dictionaries(st.sampled_from(["from", "to", "tz", "scope", "status", "specialty",
                                         "language", "therapy_type", "max_price", "weeks", "limit",
                                         "q", "topic", "type", "include_retired", "patient_id",
                                         "kind", "since", "country", "before"]),
                        st.one_of(PLAUSIBLE, st.text(max_size=30)), max_size=4)
FUZZED = [row for row in ROWS if row.id not in ("DELETE /me", "POST /auth/signout")]


@pytest.fixture(scope="module")
def world(stack) -> World:
    return World.build(stack)


def _check(response: requests.Response) -> None:
    assert response.status_code < 500, (response.status_code, response.text[:300])
    if response.status_code >= 400:
        assert "error" in response.json()


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_no_malformed_json_request_causes_a_server_error(world, data):
    row = data.draw(st.sampled_from(FUZZED), label="route")
    role = data.draw(st.sampled_from(ROLES), label="role")
    params = {k: quote(data.draw(st.one_of(st.just(v), IDS), label=k), safe="")
              for k, v in world.params.items()}
    path = row.path.format(**params)
    body = data.draw(BODIES, label="body")
    query = data.draw(st.one_of(st.none(), QUERY), label="query")
    _check(world.request(role, row.method, path, json=body, params=query))


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_no_raw_garbage_body_causes_a_server_error(world, data):
    row = data.draw(st.sampled_from([r for r in FUZZED if r.method != "GET"]), label="route")
    role = data.draw(st.sampled_from(ROLES), label="role")
    raw = data.draw(st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)),
                    label="raw body")
    content_type = data.draw(st.sampled_from(["application/json", "text/plain",
                                              "application/json; charset=latin-1"]))
    path = row.path.format(**world.params)
    auth = {} if role == "anonymous" else world.users[role].headers
    response = requests.request(row.method, f"{world.stack.api_url}{path}", data=raw,
                                headers={"Content-Type": content_type, **auth}, timeout=30)
    assert response.status_code < 500, (response.status_code, response.text[:300])


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(header=st.one_of(st.text(max_size=200), st.text(max_size=200).map("Bearer {}".format)))
def test_no_malformed_authorization_header_causes_a_server_error(stack, header):
    try:
        response = requests.get(f"{stack.api_url}/me", headers={"Authorization": header},
                                timeout=10)
    except (ValueError, UnicodeEncodeError):
        return  # requests refuses to send it: it cannot reach the server either
    assert response.status_code == 401, (response.status_code, response.text[:200])


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_no_deeply_nested_or_infinite_body_causes_a_server_error(world, data):
    """Issue 17: 5,000 nested brackets were a RecursionError, 1e999 an infinity; both 400s."""
    row = data.draw(st.sampled_from([r for r in FUZZED if r.method != "GET"]), label="route")
    role = data.draw(st.sampled_from(ROLES), label="role")
    field = data.draw(st.sampled_from(FIELDS), label="field")
    depth = data.draw(st.sampled_from([21, 100, 999, 1000, 5000, 20000]), label="depth")
    opener, closer = data.draw(st.sampled_from([("[", "]"), ('{"a":', "}")]), label="brackets")
    value = data.draw(st.sampled_from([opener * depth + "1" + closer * depth, "1e999", "-1e999",
                                       "[1e400]"]), label="value")
    raw = f'{{"{field}": {value}}}'
    path = row.path.format(**world.params)
    auth = {} if role == "anonymous" else world.users[role].headers
    response = requests.request(row.method, f"{world.stack.api_url}{path}", data=raw,
                                headers={"Content-Type": "application/json", **auth}, timeout=30)
    _check(response)
    if response.status_code == 400:
        assert response.json().get("field") == field, response.text[:300]
