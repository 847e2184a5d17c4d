"""The session room's API on the local stack: lifecycle, consent, signalling, ICE config."""
from __future__ import annotations

import time
from datetime import timedelta

import pytest
import requests

from tests.support.sessions import make_session

pytestmark = pytest.mark.stack


def test_participants_see_the_session_and_others_are_told_it_does_not_exist(
        stack, patient, therapist, other_patient, other_therapist):
    session_id = make_session(stack, patient, therapist)
    body = patient.get(f"/sessions/{session_id}").json()
    assert body["state"] == "joinable" and body["analysis_on"] is False and body["consent_log"] == []
    assert therapist.get(f"/sessions/{session_id}").status_code == 200
    for outsider in (other_patient, other_therapist):
        assert outsider.get(f"/sessions/{session_id}").status_code == 404
    assert requests.get(f"{stack.api_url}/sessions/{session_id}", timeout=10).status_code == 401


def test_session_opens_ten_minutes_before_its_start(stack, patient, therapist):
    early = make_session(stack, patient, therapist, starts_in=timedelta(minutes=30))
    response = patient.post(f"/sessions/{early}/join")
    assert response.status_code == 409 and "10 minutes" in response.json()["error"]
    assert patient.get(f"/sessions/{early}").json()["state"] == "booked"
    soon = make_session(stack, patient, therapist, starts_in=timedelta(minutes=9))
    joined = patient.post(f"/sessions/{soon}/join")
    assert joined.status_code == 200 and joined.json()["state"] == "in_progress"
    assert joined.json()["started_at"]


def test_only_participants_can_join(stack, patient, therapist, other_patient):
    session_id = make_session(stack, patient, therapist)
    assert other_patient.post(f"/sessions/{session_id}/join").status_code == 404
    assert patient.get(f"/sessions/{session_id}").json()["state"] == "joinable"


def test_nobody_joining_makes_a_no_show_that_cannot_be_joined(stack, patient, therapist):
    session_id = make_session(stack, patient, therapist, starts_in=timedelta(minutes=-20))
    assert therapist.get(f"/sessions/{session_id}").json()["state"] == "no_show"
    assert therapist.post(f"/sessions/{session_id}/join").status_code == 409


def test_therapist_ends_the_session_and_the_patient_cannot(stack, patient, therapist):
    session_id = make_session(stack, patient, therapist)
    patient.post(f"/sessions/{session_id}/join")
    assert patient.post(f"/sessions/{session_id}/leave").status_code == 200
    assert patient.post(f"/sessions/{session_id}/end").status_code == 403
    ended = therapist.post(f"/sessions/{session_id}/end")
    assert ended.status_code == 200 and ended.json()["state"] == "ended"
    assert patient.post(f"/sessions/{session_id}/join").status_code == 409


def test_consent_is_off_by_default_and_every_change_is_logged(stack, patient, therapist):
    session_id = make_session(stack, patient, therapist)
    on = patient.put(f"/sessions/{session_id}/consent", json={"analysis_on": True}).json()
    off = patient.put(f"/sessions/{session_id}/consent", json={"analysis_on": False}).json()
    assert on["analysis_on"] is True and off["analysis_on"] is False
    log = therapist.get(f"/sessions/{session_id}").json()["consent_log"]
    assert [c["analysis_on"] for c in log] == [True, False]
    assert log[0]["at"] <= log[1]["at"] and log[0]["at"].endswith("Z")


def test_only_the_patient_switches_consent_and_only_with_a_boolean(
        stack, patient, therapist, other_patient):
    session_id = make_session(stack, patient, therapist)
    assert therapist.put(f"/sessions/{session_id}/consent", json={"analysis_on": True}).status_code == 403
    assert other_patient.put(f"/sessions/{session_id}/consent",
                             json={"analysis_on": True}).status_code == 404
    bad = patient.put(f"/sessions/{session_id}/consent", json={"analysis_on": "yes"})
    assert bad.status_code == 400 and bad.json()["field"] == "analysis_on"
    assert patient.get(f"/sessions/{session_id}").json()["consent_log"] == []


def test_self_reflect_session_starts_in_progress_with_the_patient_alone(stack, patient, therapist):
    created = patient.post("/self-reflect")
    assert created.status_code == 201
    body = created.json()
    assert body["kind"] == "self_reflect" and body["state"] == "in_progress"
    assert body["analysis_on"] is False and body["therapist_id"] is None
    assert therapist.post("/self-reflect").status_code == 403
    assert patient.post(f"/sessions/{body['session_id']}/end").json()["state"] == "ended"


def test_signals_reach_the_other_side_in_order_after_the_cursor(
        stack, patient, therapist, other_patient):
    session_id = make_session(stack, patient, therapist)
    offer = {"type": "offer", "payload": {"sdp": "v=0 offer"}}
    assert therapist.post(f"/sessions/{session_id}/signals", json=offer).status_code == 201
    therapist.post(f"/sessions/{session_id}/signals", json={"type": "candidate", "payload": {"c": 1}})
    got = patient.get(f"/sessions/{session_id}/signals").json()
    assert [s["type"] for s in got["signals"]] == ["offer", "candidate"]
    assert got["signals"][0]["payload"] == {"sdp": "v=0 offer"}
    assert therapist.get(f"/sessions/{session_id}/signals").json()["signals"] == []  # own messages
    patient.post(f"/sessions/{session_id}/signals", json={"type": "answer", "payload": {"sdp": "a"}})
    therapist.post(f"/sessions/{session_id}/signals", json={"type": "bye", "payload": None})
    later = patient.get(f"/sessions/{session_id}/signals", params={"since": got["next"]}).json()
    assert [s["type"] for s in later["signals"]] == ["bye"]
    bad = patient.post(f"/sessions/{session_id}/signals", json={"type": "hello"})
    assert bad.status_code == 400 and bad.json()["field"] == "type"
    assert other_patient.get(f"/sessions/{session_id}/signals").status_code == 404


def test_ice_servers_come_from_settings_for_signed_in_callers(stack, patient):
    servers = patient.get("/config/ice").json()["ice_servers"]
    assert servers and all("urls" in s for s in servers)
    assert requests.get(f"{stack.api_url}/config/ice", timeout=10).status_code == 401


def _turn_entry(user) -> tuple[dict, dict]:
    body = user.get("/config/ice").json()
    turns = [s for s in body["ice_servers"] if any(u.startswith("turn:") for u in s["urls"])]
    assert len(turns) == 1, body
    return body, turns[0]


def test_the_local_relay_takes_the_issued_turn_credentials_until_they_expire(stack, patient):
    from tests.support.turn_client import allocate

    body, turn = _turn_entry(patient)
    expiry, user_id = turn["username"].split(":", 1)
    assert user_id == patient.user_id  # bound to the caller
    assert body["relay"] is True and body["turn_expires_at"] == int(expiry)
    assert 0 < int(expiry) - time.time() <= 3600  # short-lived
    host, port = turn["urls"][0].removeprefix("turn:").split("?")[0].split(":")
    granted = allocate(host, int(port), turn["username"], turn["credential"])
    assert granted == {"ok": True, "error": None, "relayed": True}
    wrong = allocate(host, int(port), turn["username"], turn["credential"][::-1])
    assert not wrong["ok"] and wrong["error"] == 401
    # The same scheme with an expiry in the past (what the issued one becomes in an hour).
    from emotecare.sessions.ice import coturn_credentials
    stale = coturn_credentials(stack.env["EMOTECARE_TURN_SECRET"], patient.user_id, 60,
                               now=time.time() - 120)
    refused = allocate(host, int(port), stale["username"], stale["credential"])
    assert not refused["ok"] and refused["error"] == 401


def test_health_reports_the_turn_relay(stack):
    checks = requests.get(f"{stack.api_url}/health", timeout=10).json()
    assert checks["components"]["turn-relay"]["ok"] is True, checks


def test_a_real_bookings_session_takes_its_start_from_the_booking(stack, patient, other_patient):
    from tests.support.accounts import make_user
    from tests.support.scheduling import approved_therapist, book, slot_after

    therapist = approved_therapist(stack, make_user(stack, "admin"))
    starts_at = slot_after(patient, therapist.user_id, hours=30)
    booking = book(patient, therapist.user_id, starts_at)
    assert booking.status_code == 201, booking.text
    session_id = patient.get(f"/bookings/{booking.json()['booking_id']}").json()["session_id"]
    session = therapist.get(f"/sessions/{session_id}").json()
    assert session["state"] == "booked" and session["starts_at"].startswith(starts_at[:16])
    assert session["booking_id"] == booking.json()["booking_id"]
    assert patient.post(f"/sessions/{session_id}/join").status_code == 409
    assert other_patient.get(f"/sessions/{session_id}").status_code == 404
