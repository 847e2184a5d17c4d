"""Couple and family sessions on the local stack: everyone invited shares one room (a mesh),
and each person's face is analysed only with their own consent (issue 28, point 2)."""
from __future__ import annotations

import pytest

from tests.support.frames import batch_of, dead_lettered_keys, face_jpeg, upload, wait_for
from tests.support.sessions import make_session

pytestmark = [pytest.mark.stack, pytest.mark.slow]


@pytest.fixture
def family(stack, people, patient, therapist):
    """A live family session: the patient, two invitees and the therapist, all joined."""
    invitees = [people.patient(name="Alex Invited"), people.patient(name="Jo Invited")]
    session_id = make_session(stack, patient, therapist, invitees=invitees)
    for user in (therapist, patient, *invitees):
        joined = user.post(f"/sessions/{session_id}/join")
        assert joined.status_code == 200, joined.text
    return {"session_id": session_id, "invitees": invitees}


def test_invitees_see_and_join_the_room_and_others_are_told_it_does_not_exist(
        family, patient, therapist, other_patient):
    session_id, (alex, jo) = family["session_id"], family["invitees"]
    body = alex.get(f"/sessions/{session_id}").json()
    people = {p["user_id"]: p for p in body["people"]}
    assert [people[u.user_id]["role"] for u in (patient, therapist, alex, jo)] == [
        "patient", "therapist", "invitee", "invitee"]
    assert people[alex.user_id]["name"] == "Alex Invited" and people[jo.user_id]["in_room"]
    assert body["invited"] == 2
    assert other_patient.get(f"/sessions/{session_id}").status_code == 404
    assert other_patient.post(f"/sessions/{session_id}/join").status_code == 404
    assert alex.post(f"/sessions/{session_id}/end").status_code == 403


def test_a_signal_for_one_participant_reaches_only_them(family, patient, therapist):
    session_id, (alex, jo) = family["session_id"], family["invitees"]
    path = f"/sessions/{session_id}/signals"
    assert therapist.post(path, json={"type": "offer", "to": alex.user_id,
                                      "payload": {"sdp": "for alex"}}).status_code == 201
    assert therapist.post(path, json={"type": "bye", "payload": {"reason": "joined"}}).status_code == 201
    got = {u.user_id: [(m["type"], m["from"]) for m in u.get(path).json()["signals"]]
           for u in (alex, jo, patient)}
    assert got[alex.user_id] == [("offer", therapist.user_id), ("bye", therapist.user_id)]
    assert got[jo.user_id] == got[patient.user_id] == [("bye", therapist.user_id)]
    bad = therapist.post(path, json={"type": "offer", "to": ["x"], "payload": {}})
    assert bad.status_code == 400 and bad.json()["field"] == "to"


def test_each_person_switches_analysis_of_their_own_face_only(family, patient, therapist):
    session_id, (alex, jo) = family["session_id"], family["invitees"]
    on = alex.put(f"/sessions/{session_id}/consent", json={"analysis_on": True})
    assert on.status_code == 200 and on.json()["my_analysis_on"] is True
    assert on.json()["analysis_on"] is False  # the patient's own switch is untouched
    assert on.json()["consent_log"][-1]["user_id"] == alex.user_id
    people = {p["user_id"]: p["analysis_on"] for p in therapist.get(f"/sessions/{session_id}").json()["people"]}
    assert people == {patient.user_id: False, therapist.user_id: False, alex.user_id: True,
                      jo.user_id: False}
    assert therapist.put(f"/sessions/{session_id}/consent", json={"analysis_on": True}).status_code == 403
    # Grants follow each person's own switch.
    assert alex.post(f"/sessions/{session_id}/frames/grant").status_code == 201
    assert jo.post(f"/sessions/{session_id}/frames/grant").status_code == 403
    assert patient.post(f"/sessions/{session_id}/frames/grant").status_code == 403
    assert therapist.post(f"/sessions/{session_id}/frames/grant").status_code in (403, 404)


def test_frames_are_analysed_per_person_and_never_after_that_person_switched_off(
        stack, family, therapist):
    session_id, (alex, jo) = family["session_id"], family["invitees"]
    for person in (alex, jo):
        assert person.put(f"/sessions/{session_id}/consent", json={"analysis_on": True}).status_code == 200
    alex_grant = alex.post(f"/sessions/{session_id}/frames/grant").json()
    jo_grant = jo.post(f"/sessions/{session_id}/frames/grant").json()
    assert jo.put(f"/sessions/{session_id}/consent", json={"analysis_on": False}).status_code == 200
    # Both batches arrive; only Alex's may be analysed: Jo switched off after getting a grant.
    upload(jo_grant, batch_of([face_jpeg("astronaut")] * 2))
    upload(alex_grant, batch_of([face_jpeg("astronaut")] * 2))
    feed = wait_for(lambda: (lambda f: f if len(f["records"]) >= 2 else None)(
        therapist.get(f"/sessions/{session_id}/feed").json()), what="Alex's records")
    wait_for(lambda: jo_grant["key"] in dead_lettered_keys(stack), timeout_s=40,
             what="Jo's late batch dead-lettered")
    records = therapist.get(f"/sessions/{session_id}/feed").json()["records"]
    assert {r["person"] for r in records} == {alex.user_id}
    assert feed["consenting"] == [alex.user_id]
