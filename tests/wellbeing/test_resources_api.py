"""The resources library through the API: seeded from the repo file, searched, curated by admins."""
from __future__ import annotations

import json

import pytest
import requests

from emotecare.library.resources import SEED_PATH

pytestmark = pytest.mark.stack
SEED = json.loads(SEED_PATH.read_text())["resources"]
NEW = {"title": "Worry time worksheet", "topic": "anxiety", "type": "worksheet", "reading_minutes": 10,
       "source_name": "Example Health", "source_url": "https://example.org/worry-time",
       "summary": "Set aside fifteen minutes a day to write down worries, and postpone them until then.",
       "tags": ["worry"]}


def _get(stack, path, **params):
    return requests.get(f"{stack.api_url}{path}", params=params, timeout=30)


def test_the_seed_file_is_in_the_table_for_anonymous_readers(stack):
    listed = _get(stack, "/resources").json()
    active = [r for r in SEED if r.get("status", "active") == "active"]
    # Other tests on the shared stack may have added items as admins; the seed must all be there.
    assert listed["count"] == len(listed["resources"]) >= len(active)
    assert {r["id"] for r in active} <= {r["id"] for r in listed["resources"]}
    one = _get(stack, f"/resources/{SEED[0]['id']}").json()
    assert one["summary"] == SEED[0]["summary"] and one["source_url"].startswith("https://")


def test_text_search_and_filters(stack):
    found = _get(stack, "/resources", q="grounding").json()["resources"]
    assert found[0]["id"] == "ex-grounding-54321"
    sleep = _get(stack, "/resources", topic="sleep").json()["resources"]
    assert sleep and all(r["topic"] == "sleep" for r in sleep)
    exercises = _get(stack, "/resources", type="exercise", topic="anxiety").json()["resources"]
    assert exercises and all((r["type"], r["topic"]) == ("exercise", "anxiety") for r in exercises)
    assert _get(stack, "/resources", q="zzzqqq").json()["count"] == 0
    for params, field in (({"topic": "cooking"}, "topic"), ({"type": "podcast"}, "type"),
                          ({"colour": "red"}, "colour")):
        response = _get(stack, "/resources", **params)
        assert response.status_code == 400 and response.json()["field"] == field


def test_admin_adds_edits_and_retires_a_resource(stack, admin, patient):
    created = admin.post("/resources", json=NEW)
    assert created.status_code == 201, created.text
    rid = created.json()["id"]
    assert _get(stack, "/resources", q="worry time").json()["resources"][0]["id"] == rid

    edited = admin.put(f"/resources/{rid}", json={"reading_minutes": 12, "topic": "stress"})
    assert edited.status_code == 200 and edited.json()["topic"] == "stress"
    assert rid in {r["id"] for r in _get(stack, "/resources", topic="stress").json()["resources"]}
    assert rid not in {r["id"] for r in _get(stack, "/resources", topic="anxiety").json()["resources"]}

    assert admin.delete(f"/resources/{rid}").status_code == 204
    assert _get(stack, f"/resources/{rid}").status_code == 404
    assert patient.get(f"/resources/{rid}").status_code == 404
    assert admin.get(f"/resources/{rid}").json()["status"] == "retired"
    assert rid not in {r["id"] for r in _get(stack, "/resources", q="worry").json()["resources"]}
    assert rid in {r["id"] for r in admin.get("/resources", params={"include_retired": "true"}).json()["resources"]}
    assert patient.get("/resources", params={"include_retired": "true"}).status_code == 400
    # Restored by an edit.
    assert admin.put(f"/resources/{rid}", json={"status": "active"}).json()["status"] == "active"


def test_only_admins_curate(stack, patient, therapist, admin):
    rid = SEED[0]["id"]
    for user in (patient, therapist):
        assert user.post("/resources", json=NEW).status_code == 403
        assert user.put(f"/resources/{rid}", json={"reading_minutes": 1}).status_code == 403
        assert user.delete(f"/resources/{rid}").status_code == 403
    assert requests.post(f"{stack.api_url}/resources", json=NEW, timeout=30).status_code == 401
    assert _get(stack, f"/resources/{rid}").json()["reading_minutes"] == SEED[0]["reading_minutes"]


@pytest.mark.parametrize("change, field", [
    ({"source_url": "http://insecure.example"}, "source_url"), ({"summary": "x" * 401}, "summary"),
    ({"topic": "cooking"}, "topic"), ({"reading_minutes": 0}, "reading_minutes"), ({"colour": 1}, "colour"),
])
def test_invalid_edits_are_rejected_and_the_item_kept(stack, admin, change, field):
    rid = SEED[1]["id"]
    response = admin.put(f"/resources/{rid}", json=change)
    assert response.status_code == 400 and response.json()["field"] == field
    assert _get(stack, f"/resources/{rid}").json() == {**SEED[1], "country": SEED[1].get("country"),
                                                       "status": "active"}


def test_an_id_that_exists_is_a_conflict(admin):
    assert admin.post("/resources", json={**NEW, "id": SEED[0]["id"]}).status_code == 409


def test_unknown_resource_is_404(stack):
    assert _get(stack, "/resources/no-such-thing").status_code == 404


@pytest.mark.parametrize("country, number", [("US", "988"), ("GB", "116 123"), ("uk", "116 123"),
                                             ("IN", "14416")])
def test_helplines_by_country(stack, country, number):
    page = _get(stack, "/helplines", country=country).json()
    assert any(number in (line.get("phone") or "") for line in page["your_country"]["helplines"])
    assert page["international_directory"]["url"] == "https://findahelpline.com"


def test_helplines_for_an_unknown_country_still_give_the_directory(stack):
    page = _get(stack, "/helplines", country="ZZ").json()
    assert page["your_country"] is None and page["countries"]
