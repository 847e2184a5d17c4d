"""The export of a patient who has done everything the product allows (issue 16, item 5).

It failed with HTTP 500 ("String set attributes are not supported") for every patient who
had joined a session: a session's `joined` is a string set.
"""
from __future__ import annotations

import json

import pytest
from pynamodb.attributes import (BinaryAttribute, BinarySetAttribute, BooleanAttribute,
                                 JSONAttribute, ListAttribute, MapAttribute, NumberAttribute,
                                 NumberSetAttribute, TTLAttribute, UnicodeAttribute,
                                 UnicodeSetAttribute, UTCDateTimeAttribute, VersionAttribute)
from pynamodb.models import Model

from emotecare.accounts.export_format import item_to_json
from tests.support.everything import patient_who_did_everything


class _Pair(MapAttribute):
    label = UnicodeAttribute()
    share = NumberAttribute()


class _EveryType(Model):
    """Not a table: an item with one attribute of each PynamoDB type, built in memory."""

    class Meta:
        table_name = "never-created"
        region = "eu-west-2"

    key = UnicodeAttribute(hash_key=True)
    number = NumberAttribute()
    flag = BooleanAttribute()
    blob = BinaryAttribute(legacy_encoding=False)
    blobs = BinarySetAttribute(legacy_encoding=False)
    names = UnicodeSetAttribute()
    numbers = NumberSetAttribute()
    doc = JSONAttribute()
    items = ListAttribute(of=_Pair)
    raw_map = MapAttribute()
    when = UTCDateTimeAttribute()
    expires = TTLAttribute()
    version = VersionAttribute()
    absent = UnicodeAttribute(null=True)


def test_every_attribute_type_becomes_plain_json():
    from datetime import datetime, timezone

    moment = datetime(2026, 1, 5, 10, 0, 0, 123000, tzinfo=timezone.utc)
    item = _EveryType("k", number=2.5, flag=True, blob=b"\x00\xff", blobs={b"a", b"b"},
                      names={"b", "a"}, numbers={3, 1}, doc={"therapy_type": "couple"},
                      items=[_Pair(label="calm", share=0.5)], raw_map={"x": 1},
                      when=moment, expires=moment, version=3)
    exported = item_to_json(item)
    assert json.loads(json.dumps(exported)) == exported  # plain JSON, nothing lost on the way
    assert exported == {
        "key": "k", "number": 2.5, "flag": True, "blob": "AP8=", "blobs": ["YQ==", "Yg=="],
        "names": ["a", "b"], "numbers": [1, 3], "doc": {"therapy_type": "couple"},
        "items": [{"label": "calm", "share": 0.5}], "raw_map": {"x": 1},
        "when": "2026-01-05T10:00:00.123Z", "expires": "2026-01-05T10:00:00.000Z",  # TTL: seconds
        "version": 3}


@pytest.mark.stack
def test_a_patient_who_did_everything_gets_all_of_it_in_the_export(people):
    history = patient_who_did_everything(people)
    response = history.patient.get("/me/export")
    assert response.status_code == 200, response.text
    tables = response.json()["tables"]
    for table in ("users", "bookings", "sessions", "emotion-records", "journal",
                  "chat-conversations", "chat-messages", "questionnaires", "safety-events",
                  "reports"):
        assert tables.get(table), f"{table} is empty in the export"
    sessions = {s["session_id"]: s for s in tables["sessions"]}
    therapy = sessions[history.ids["therapy_session_id"]]
    assert therapy["joined"] == sorted([history.patient.user_id, history.therapist.user_id])
    assert sessions[history.ids["self_reflect_session_id"]]["kind"] == "self_reflect"
    assert {b["details"]["therapy_type"] for b in tables["bookings"]} == {"individual", "couple"}
    assert {r["kind"] for r in tables["questionnaires"]} == {"phq9", "gad7"}
    assert [r["week"] for r in tables["reports"]] == [history.ids["week"]]
    assert any(e["event_id"] == history.ids["safety_event_id"] for e in tables["safety-events"])
    assert all(r["session_id"] == history.ids["self_reflect_session_id"]
               for r in tables["emotion-records"])
