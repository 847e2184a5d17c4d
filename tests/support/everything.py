"""A patient who has done everything the product allows, through the real API.

Used by the export tests (API and browser): every table and attribute type a patient's
data can reach is filled the way the product fills it — bookings of each therapy type, a
therapy session both joined (a string set), a self-reflect session with analysed frames,
journal, chat (with a crisis and its safety event), both questionnaires and a compiled
weekly report.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from tests.support.accounts import TestUser
from tests.support.frames import batch_of, face_jpeg, upload, wait_for
from tests.support.people import People
from tests.support.report_cli import compile_report
from tests.support.scheduling import book, slot_after
from tests.support.sessions import make_session

CRISIS = "I am going to kill myself tonight, I have the pills ready"


@dataclass
class History:
    """The patient, their therapist and the ids of what they did."""

    patient: TestUser
    therapist: TestUser
    ids: dict[str, str] = field(default_factory=dict)


def _ok(response, status: int = 200) -> dict:
    assert response.status_code == status, (response.status_code, response.text[:300])
    return response.json() if response.text else {}


def _therapy_session(stack, patient: TestUser, therapist: TestUser) -> str:
    """A therapy session both joined (the session's `joined` set) with analysis, then ended."""
    session_id = make_session(stack, patient, therapist)
    for user in (therapist, patient):
        _ok(user.post(f"/sessions/{session_id}/join"))
    _ok(patient.put(f"/sessions/{session_id}/consent", json={"analysis_on": True}))
    _ok(patient.put(f"/sessions/{session_id}/consent", json={"analysis_on": False}))
    _ok(therapist.post(f"/sessions/{session_id}/end"))
    return session_id


def _self_reflect_with_frames(patient: TestUser) -> str:
    """A self-reflect session whose uploaded frames were analysed into emotion records."""
    session_id = _ok(patient.post("/self-reflect"), 201)["session_id"]
    _ok(patient.put(f"/sessions/{session_id}/consent", json={"analysis_on": True}))
    grant = _ok(patient.post(f"/sessions/{session_id}/frames/grant"), 201)
    assert upload(grant, batch_of([face_jpeg("astronaut")] * 3)).status_code in (200, 201, 204)
    wait_for(lambda: _ok(patient.get(f"/sessions/{session_id}/feed",
                                     params={"wait": "5"}))["records"],
             timeout_s=60, what="the self-reflect frames to be analysed")
    _ok(patient.post(f"/sessions/{session_id}/end"))
    return session_id


def patient_who_did_everything(people: People) -> History:
    """Make a patient (and their therapist) and do everything a patient can do."""
    stack = people.stack
    therapist = people.therapist()
    patient = people.patient(name="Ever Everything")
    history = History(patient, therapist)
    booking = _ok(book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 30)), 201)
    _ok(therapist.post(f"/bookings/{booking['booking_id']}/confirm"))
    history.ids["booking_id"] = booking["booking_id"]
    couple = _ok(book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 60),
                      therapy_type="couple", participants=["partner@test.emotecare.example"]), 201)
    history.ids["couple_booking_id"] = couple["booking_id"]
    history.ids["therapy_session_id"] = _therapy_session(stack, patient, therapist)
    history.ids["self_reflect_session_id"] = _self_reflect_with_frames(patient)
    history.ids["entry_id"] = _ok(patient.post("/journal", json={
        "mood": 6, "tags": ["calm", "tired"], "text": "A quiet day.", "sleep_hours": 7}), 201)["entry_id"]
    chat = _ok(patient.post("/chat/messages", json={"text": "I feel stressed about work"}))
    history.ids["conversation_id"] = chat["conversation_id"]
    crisis = _ok(patient.post("/chat/messages", json={"text": CRISIS,
                                                      "conversation_id": chat["conversation_id"]}))
    history.ids["safety_event_id"] = crisis["safety_event_id"]
    history.ids["phq9"] = _ok(patient.post("/questionnaires/phq9/responses",
                                           json={"answers": [1] * 8 + [0]}), 201)["response_id"]
    history.ids["gad7"] = _ok(patient.post("/questionnaires/gad7/responses",
                                           json={"answers": [1] * 7}), 201)["response_id"]
    week = datetime.now(timezone.utc).strftime("%G-W%V")
    compile_report(stack, patient.user_id, week, timeout=180)
    history.ids["week"] = week
    return history
