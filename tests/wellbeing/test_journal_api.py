"""The mood journal through the API: CRUD, who may touch an entry, the safety check, the trend."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.support.accounts import make_user

pytestmark = pytest.mark.stack


def _entry(user, **fields):
    response = user.post("/journal", json={"mood": 6, "tags": ["calm"], "text": "a fine day"} | fields)
    assert response.status_code == 201, response.text
    return response.json()


def test_entries_are_written_listed_edited_and_deleted(patient):
    first = _entry(patient, mood=4, tags=["tired", "Anxious"], text="long shift", sleep_hours=5.5)
    second = _entry(patient, mood=7)
    assert first["tags"] == ["tired", "anxious"] and first["sleep_hours"] == 5.5 and first["crisis"] is False
    listed = patient.get("/journal").json()["entries"]
    assert [e["entry_id"] for e in listed] == [second["entry_id"], first["entry_id"]]  # newest first

    edited = patient.put(f"/journal/{first['entry_id']}", json={"mood": 5, "text": "long shift, better evening"})
    assert edited.status_code == 200, edited.text
    assert edited.json()["mood"] == 5 and edited.json()["tags"] == ["tired", "anxious"]
    assert edited.json()["updated_at"]

    assert patient.delete(f"/journal/{first['entry_id']}").status_code == 204
    assert [e["entry_id"] for e in patient.get("/journal").json()["entries"]] == [second["entry_id"]]
    assert patient.delete(f"/journal/{first['entry_id']}").status_code == 404


def test_only_the_patient_touches_their_entries(stack, patient, therapist, admin):
    entry = _entry(patient)
    other = make_user(stack, "patient")
    path = f"/journal/{entry['entry_id']}"
    assert other.put(path, json={"mood": 1}).status_code == 404
    assert other.delete(path).status_code == 404
    assert other.get("/journal").json()["entries"] == []
    for user in (therapist, admin):
        assert user.get("/journal").status_code == 403
        assert user.put(path, json={"mood": 1}).status_code == 403
        assert user.delete(path).status_code == 403
    assert patient.get("/journal").json()["entries"][0]["mood"] == 6  # untouched


@pytest.mark.parametrize("body, field", [
    ({"mood": 0}, "mood"), ({"mood": 11}, "mood"), ({"mood": "7"}, "mood"), ({}, "mood"),
    ({"mood": 5, "tags": ["elated-ish"]}, "tags"), ({"mood": 5, "tags": "sad"}, "tags"),
    ({"mood": 5, "sleep_hours": 25}, "sleep_hours"), ({"mood": 5, "text": "x" * 5001}, "text"),
    ({"mood": 5, "entry_id": "mine"}, "entry_id"), ({"mood": 5, "created_at": "2099-01-01T00:00:00Z"}, "created_at"),
    ({"mood": 5, "created_at": "yesterday"}, "created_at"),
])
def test_invalid_entries_are_rejected_and_nothing_is_stored(patient, body, field):
    before = patient.get("/journal").json()["entries"]
    response = patient.post("/journal", json=body)
    assert response.status_code == 400, response.text
    assert response.json()["field"] == field
    assert patient.get("/journal").json()["entries"] == before


def test_a_bad_edit_leaves_the_entry_as_it_was(patient):
    entry = _entry(patient, mood=6)
    response = patient.put(f"/journal/{entry['entry_id']}", json={"mood": 42})
    assert response.status_code == 400 and response.json()["field"] == "mood"
    assert patient.get("/journal").json()["entries"][0]["mood"] == 6


def test_a_crisis_entry_starts_the_crisis_flow(patient, therapist):
    entry = _entry(patient, mood=1, tags=["hopeless"], text="I don't want to be alive anymore")
    assert entry["crisis"] is True and entry["safety_event_id"]
    assert any("116 123" in (line.get("phone") or "") for line in entry["helplines"])  # a GB patient
    events = therapist.get("/safety-events").json()["events"]
    assert [(e["source"], e["context"].get("entry_id")) for e in events] == [("journal", entry["entry_id"])]
    assert "alive" not in str(events)
    assert patient.get("/journal").json()["entries"][0]["text"] == "I don't want to be alive anymore"


def test_editing_an_entry_into_a_crisis_starts_the_crisis_flow(patient, therapist):
    entry = _entry(patient, text="ok day")
    edited = patient.put(f"/journal/{entry['entry_id']}", json={"text": "I'm going to kill myself tonight"})
    assert edited.status_code == 200 and edited.json()["crisis"] is True
    assert [e["source"] for e in therapist.get("/safety-events").json()["events"]] == ["journal"]


def test_negated_or_figurative_entries_do_not(patient, therapist):
    for text in ("I'm not going to hurt myself, I promise", "this exam is killing me"):
        assert _entry(patient, text=text)["crisis"] is False
    assert therapist.get("/safety-events").json()["events"] == []


def test_weekly_trend_over_back_dated_entries(patient):
    now = datetime.now(timezone.utc)
    monday = (now - timedelta(days=now.weekday())).replace(hour=0, minute=0, second=0, microsecond=0)
    for weeks_ago, moods in ((2, [3, 5]), (1, [4]), (0, [8])):
        for n, mood in enumerate(moods):
            at = monday - timedelta(weeks=weeks_ago) + timedelta(hours=n)
            _entry(patient, mood=mood, created_at=at.strftime("%Y-%m-%dT%H:%M:%SZ"), sleep_hours=7)
    _entry(patient, mood=1, created_at=(monday - timedelta(weeks=10)).strftime("%Y-%m-%dT%H:%M:%SZ"))

    trend = patient.get("/journal/trend", params={"weeks": 3}).json()
    assert [w["mean_mood"] for w in trend["weekly"]] == [4.0, 4.0, 8.0]
    assert trend["weekly"][0]["week_start"] == (monday - timedelta(weeks=2)).date().isoformat()
    assert trend["trend"] == "improving" and trend["weeks"] == 3
    assert len(patient.get("/journal/trend", params={"weeks": 12}).json()["weekly"]) == 4
    for bad in ("0", "53", "two", "²"):
        response = patient.get("/journal/trend", params={"weeks": bad})
        assert response.status_code == 400 and response.json()["field"] == "weeks"
