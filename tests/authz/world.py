"""The people and objects the authorisation table is checked against.

A patient in active care with a therapist (a confirmed booking), another patient, another
therapist, an admin and a therapist awaiting approval; and the patient's care relationships
in their other states: a former therapist (active care the patient left by switching, with
notes and messages from then) and a pending therapist (a booking not confirmed, which
grants nothing). Rows whose request changes state get fresh objects first.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import requests

from tests.support.accounts import PASSWORD, TestUser, make_user
from tests.support.scheduling import approved_therapist, book, setup_therapist, slot_after

REPORT_WEEK = "2026-W40"  # the week whose report the reports rows read
ROLES = ("anonymous", "patient", "other_patient", "therapist", "other_therapist", "admin",
         "former_therapist", "pending_therapist")
# Therapists whose relationship with the world patient is not active care.
RELATIONSHIP_ROLES = ("former_therapist", "pending_therapist")
REPORT_WEEK = "2026-W02"


@dataclass
class World:
    stack: object = field(repr=False)
    users: dict[str, TestUser] = field(default_factory=dict, repr=False)
    booking: dict = field(default_factory=dict, repr=False)
    pending_id: str = ""
    spare_therapist: TestUser | None = field(default=None, repr=False)
    between: dict = field(default_factory=dict, repr=False)  # chat, journal, safety, resources
    _hours_ahead: int = 30

    @classmethod
    def build(cls, stack) -> "World":
        world = cls(stack)
        admin = make_user(stack, "admin")
        world.users = {
            "patient": make_user(stack, "patient"), "other_patient": make_user(stack, "patient"),
            "therapist": approved_therapist(stack, admin),
            "other_therapist": approved_therapist(stack, admin), "admin": admin,
            "former_therapist": approved_therapist(stack, admin),
            "pending_therapist": approved_therapist(stack, admin)}
        world.spare_therapist = approved_therapist(stack, admin)
        world.relate()
        world.new_pending_therapist()
        world.new_care_request()
        world.new_patient_in_care()
        world.new_care_to_end()
        world.new_self_reflect()
        world.give_patient_a_report()
        world.new_conversation()
        world.new_journal_entry()
        world.new_safety_event()
        world.new_resource()
        return world

    def relate(self) -> None:
        """The patient's care: former therapist (ended by a switch), therapist (active, the
        confirmed booking), pending therapist (an unconfirmed booking)."""
        patient, former = self.users["patient"], self.users["former_therapist"]
        self._confirmed_with(former)
        assert former.put(f"/patients/{patient.user_id}/notes",
                          json={"text": "seen once"}).status_code == 200
        assert former.post(f"/messages/threads/{patient.user_id}",
                           json={"text": "welcome"}).status_code == 201
        self.new_booking()
        confirmed = self.users["therapist"].post(
            f"/bookings/{self.booking['booking_id']}/confirm")
        assert confirmed.status_code == 200, confirmed.text
        switched = patient.put("/me/therapist",
                               json={"therapist_id": self.users["therapist"].user_id})
        assert switched.status_code == 200 and switched.json()["care"]["state"] == "active"
        self._hours_ahead += 2
        pending = self.users["pending_therapist"]
        assert book(patient, pending.user_id,
                    slot_after(patient, pending.user_id, self._hours_ahead)).status_code == 201

    def _confirmed_with(self, therapist: TestUser, patient: TestUser | None = None) -> None:
        patient = patient or self.users["patient"]
        self._hours_ahead += 2
        booked = book(patient, therapist.user_id,
                      slot_after(patient, therapist.user_id, self._hours_ahead))
        assert booked.status_code == 201, booked.text
        confirmed = therapist.post(f"/bookings/{booked.json()['booking_id']}/confirm")
        assert confirmed.status_code == 200, confirmed.text

    def new_care_request(self) -> None:
        """A fresh patient who asked the therapist for care (accept and decline take it)."""
        requesting = make_user(self.stack, "patient")
        asked = requesting.put("/me/therapist", json={"therapist_id": self.users["therapist"].user_id})
        assert asked.status_code == 200, asked.text
        self.between["requesting_id"] = requesting.user_id

    def new_patient_in_care(self) -> None:
        """A fresh patient in the therapist's active care (discharge ends it)."""
        cared = make_user(self.stack, "patient")
        self._confirmed_with(self.users["therapist"], cared)
        self.between["cared_id"] = cared.user_id

    def new_care_to_end(self) -> None:
        """Active care of the world patient with a spare therapist (the patient ends it)."""
        self._confirmed_with(self.spare_therapist)
        self.between["care_therapist_id"] = self.spare_therapist.user_id

    def new_self_reflect(self) -> None:
        started = self.users["patient"].post("/self-reflect")
        assert started.status_code == 201, started.text
        self.between["self_reflect_id"] = started.json()["session_id"]

    def give_patient_a_report(self) -> None:
        """A weekly report row, as the report worker stores it."""
        self.stack.client("dynamodb").put_item(
            TableName=f"{self.stack.env['EMOTECARE_TABLE_PREFIX']}-reports", Item={
                "patient_id": {"S": self.users["patient"].user_id}, "week": {"S": REPORT_WEEK},
                "created_at": {"S": "2026-01-12T02:00:00Z"}, "summary": {"S": "{}"}})

    def new_conversation(self) -> None:
        answer = self.users["patient"].post("/chat/messages", json={"text": "hello"})
        assert answer.status_code == 200, answer.text
        self.between["conversation_id"] = answer.json()["conversation_id"]

    def new_journal_entry(self) -> None:
        entry = self.users["patient"].post("/journal", json={"mood": 6})
        assert entry.status_code == 201, entry.text
        self.between["entry_id"] = entry.json()["entry_id"]

    def new_safety_event(self) -> None:
        answer = self.users["patient"].post("/chat/messages", json={"text": "I want to kill myself"})
        assert answer.status_code == 200 and answer.json()["crisis"], answer.text
        self.between["event_id"] = answer.json()["safety_event_id"]

    def new_resource(self) -> None:
        created = self.users["admin"].post("/resources", json={
            "title": "Authz resource", "topic": "stress", "type": "article", "reading_minutes": 2,
            "source_name": "Example", "source_url": "https://example.org/a", "summary": "Ours."})
        assert created.status_code == 201, created.text
        self.between["resource_id"] = created.json()["id"]

    def new_booking(self) -> None:
        """A fresh pending booking of the patient with the therapist, two days or more ahead."""
        patient, therapist = self.users["patient"], self.users["therapist"]
        self._hours_ahead += 2
        response = book(patient, therapist.user_id,
                        slot_after(patient, therapist.user_id, self._hours_ahead))
        assert response.status_code == 201, response.text
        self.booking = response.json()

    def new_pending_therapist(self) -> None:
        pending = make_user(self.stack, "therapist")
        setup_therapist(pending)
        self.pending_id = pending.user_id

    def new_patients(self) -> None:
        """Replace both patients (after a row deleted their accounts) and rebook."""
        self.users["patient"] = make_user(self.stack, "patient")
        self.users["other_patient"] = make_user(self.stack, "patient")
        self.relate()
        self.new_care_to_end()
        self.new_self_reflect()
        self.give_patient_a_report()
        self.new_conversation()
        self.new_journal_entry()
        self.new_safety_event()

    def next_slot(self) -> str:
        self._hours_ahead += 2
        therapist = self.users["therapist"]
        return slot_after(self.users["patient"], therapist.user_id, self._hours_ahead)

    @property
    def params(self) -> dict[str, str]:
        return {"booking_id": self.booking["booking_id"],
                "session_id": self.booking["session_id"], "week": REPORT_WEEK,
                "patient_id": self.users["patient"].user_id,
                "therapist_id": self.users["therapist"].user_id, "pending_id": self.pending_id,
                "week": REPORT_WEEK, "kind": "phq9", **self.between}

    def request(self, role: str, method: str, path: str, **kwargs) -> requests.Response:
        if role == "anonymous":
            return requests.request(method, f"{self.stack.api_url}{path}", timeout=30, **kwargs)
        return self.users[role].request(method, path, **kwargs)

    def sign_in_body(self) -> dict:
        return {"email": self.users["patient"].email, "password": PASSWORD}


def unique_email() -> str:
    return f"authz-{uuid.uuid4().hex[:10]}@test.emotecare.example"
