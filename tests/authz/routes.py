"""Who may call each route: the table the authorisation test walks (route × role).

Add a row for every new route: method, path (with {booking_id}, {patient_id},
{therapist_id}, {pending_id} filled from the world), the status each role gets, a body
and query, and `prepare` when an allowed request changes state (it gets fresh objects).
"""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from tests.authz.world import RELATIONSHIP_ROLES, REPORT_WEEK, ROLES, World, unique_email

Body = Callable[[World], dict] | dict | None


@dataclass(frozen=True)
class Row:
    method: str
    path: str
    expect: dict[str, int]
    body: Body = None
    query: dict | None = None
    prepare: Callable[[World], None] | None = None

    @property
    def id(self) -> str:
        return f"{self.method} {self.path}"


def access(ok: dict[str, int], *, denied: int = 403, anonymous: int = 401,
           **others: int) -> dict[str, int]:
    """Statuses per role: `ok` for the allowed, `others` by name, `denied` for the rest.

    A therapist whose care of the world patient ended, or whose booking is not confirmed,
    gets what a therapist who never met the patient gets, unless named.
    """
    table = {role: denied for role in ROLES}
    table["anonymous"] = anonymous
    table.update(others)
    table.update(ok)
    for role in RELATIONSHIP_ROLES:
        if role not in ok and role not in others:
            table[role] = table["other_therapist"]
    return table


def everyone(status: int) -> dict[str, int]:
    return {role: status for role in ROLES}


PATIENTS = {"patient": 200, "other_patient": 200}
THERAPISTS = {"therapist": 200, "other_therapist": 200}
SIGNED_IN = {**PATIENTS, **THERAPISTS, "admin": 200}
# Someone else's booking or patient does not exist for you (404), for the admin it is 403.
NOT_YOURS = {"other_patient": 404, "other_therapist": 404}
NO_SUCH_SESSION = {**NOT_YOURS, "admin": 404}
_SLOTS = {"from": "2030-01-07", "to": "2030-01-08", "tz": "Europe/London"}


def compiled_report(world: World) -> None:
    """The world patient's (empty) report of REPORT_WEEK, compiled once by `emotecare report`."""
    patient_id = world.users["patient"].user_id
    done = world.__dict__.setdefault("reports_compiled", set())
    if patient_id in done:
        return
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMOTECARE_")}
    env["EMOTECARE_LOCAL_DATA_DIR"] = str(world.stack.data_dir)
    subprocess.run([sys.executable, "-m", "emotecare_dev.cli", "report", "--week", REPORT_WEEK,
                    "--patient", patient_id], env=env, check=True, capture_output=True,
                   timeout=120, cwd=Path(__file__).resolve().parents[2])
    done.add(patient_id)

ROWS = [
    Row("GET", "/health", everyone(200)),
    Row("POST", "/auth/signup", everyone(201),
        body=lambda w: {"email": unique_email(), "password": "Long-Enough-Pass-1", "name": "N"}),
    Row("POST", "/auth/confirm", everyone(400), body={"email": "x@example.com", "code": "1"}),
    Row("POST", "/auth/confirm/resend", everyone(202), body={"email": "x@example.com"}),
    Row("POST", "/auth/signin", everyone(200), body=World.sign_in_body),
    Row("POST", "/auth/refresh", everyone(401), body={"refresh_token": "not-a-token"}),
    Row("POST", "/auth/signout", access({role: 204 for role in SIGNED_IN})),
    Row("POST", "/auth/password/forgot", everyone(202), body={"email": "nobody@example.com"}),
    Row("POST", "/auth/password/reset", everyone(400),
        body={"email": "nobody@example.com", "code": "123456", "password": "Long-Enough-1"}),
    Row("GET", "/me", access(SIGNED_IN)),
    Row("PATCH", "/me", access(SIGNED_IN), body={"name": "Renamed"}),
    Row("DELETE", "/me", access({"patient": 204, "other_patient": 204}),
        prepare=World.new_patients),
    Row("PUT", "/me/therapist", access(PATIENTS),
        body=lambda w: {"therapist_id": w.users["therapist"].user_id}),
    Row("GET", "/me/export", access(PATIENTS)),
    Row("GET", "/therapists", everyone(200)),
    Row("GET", "/therapists/me", access(THERAPISTS)),
    Row("PUT", "/therapists/me", access(THERAPISTS), body={"bio": "Updated bio."}),
    Row("PUT", "/therapists/me/availability", access(THERAPISTS),
        body={"weekly": [{"weekday": d, "start": "00:00", "end": "24:00"} for d in range(1, 8)]}),
    Row("GET", "/therapists/{therapist_id}", everyone(200)),
    Row("GET", "/therapists/{pending_id}", access({"admin": 200}, denied=404, anonymous=404)),
    Row("GET", "/therapists/{therapist_id}/slots", everyone(200), query=_SLOTS),
    Row("POST", "/matches", access(PATIENTS), body={"concerns": ["anxiety"]}),
    Row("GET", "/admin/therapists", access({"admin": 200})),
    Row("POST", "/admin/therapists/{pending_id}/approve", access({"admin": 200}),
        body={"licence_verified": True}, prepare=World.new_pending_therapist),
    Row("POST", "/admin/therapists/{pending_id}/reject", access({"admin": 200}),
        body={"reason": "not registered"}, prepare=World.new_pending_therapist),
    Row("POST", "/bookings", access({"patient": 201, "other_patient": 201}),
        body=lambda w: {"therapist_id": w.users["therapist"].user_id,
                        "starts_at": w.next_slot(), "therapy_type": "individual"}),
    Row("GET", "/bookings", access({**PATIENTS, **THERAPISTS})),
    Row("GET", "/bookings/{booking_id}",
        access({"patient": 200, "therapist": 200}, **NOT_YOURS)),
    Row("POST", "/bookings/{booking_id}/confirm",
        access({"therapist": 200}, **NOT_YOURS), prepare=World.new_booking),
    Row("POST", "/bookings/{booking_id}/decline",
        access({"therapist": 200}, **NOT_YOURS), body={"reason": "full"},
        prepare=World.new_booking),
    Row("POST", "/bookings/{booking_id}/reschedule",
        access({"patient": 200}, **NOT_YOURS),
        body=lambda w: {"starts_at": w.next_slot()}, prepare=World.new_booking),
    Row("POST", "/bookings/{booking_id}/cancel",
        access({"patient": 200, "therapist": 200}, **NOT_YOURS), body={},
        prepare=World.new_booking),
    Row("GET", "/bookings/{booking_id}/invite.ics",
        access({"patient": 200, "therapist": 200}, **NOT_YOURS)),
    Row("GET", "/patients", access(THERAPISTS)),
    # Notes are the therapist's own record: still readable after the care ended.
    Row("GET", "/patients/{patient_id}/notes",
        access({"therapist": 200, "former_therapist": 200}, other_therapist=404)),
    Row("PUT", "/patients/{patient_id}/notes",
        access({"therapist": 200}, other_therapist=404), body={"text": "note"}),
    # Session room (branch `pipeline`): the booking's session, days before it opens, so
    # joining is a 409 and frame grants a 403 even for its patient. Outsiders (admins too)
    # are told the session does not exist.
    Row("GET", "/config/ice", access(SIGNED_IN)),
    Row("POST", "/config/network-test", access(SIGNED_IN), body={"padding": "xx"}),
    Row("GET", "/sessions/{session_id}", access({"patient": 200, "therapist": 200},
                                                **NO_SUCH_SESSION)),
    Row("POST", "/sessions/{session_id}/join",
        access({"patient": 409, "therapist": 409}, **NO_SUCH_SESSION)),
    Row("POST", "/sessions/{session_id}/leave",
        access({"patient": 200, "therapist": 200}, **NO_SUCH_SESSION)),
    Row("POST", "/sessions/{session_id}/end", access({"therapist": 200}, **NO_SUCH_SESSION),
        prepare=World.new_booking),
    Row("PUT", "/sessions/{session_id}/consent", access({"patient": 200}, other_patient=404),
        body={"analysis_on": False}),
    Row("POST", "/self-reflect", access({"patient": 201, "other_patient": 201})),
    Row("POST", "/sessions/{session_id}/frames/grant", access({"patient": 403},
                                                             other_patient=404)),
    Row("GET", "/sessions/{session_id}/feed", access({"therapist": 200}, **NO_SUCH_SESSION)),
    Row("GET", "/sessions/{session_id}/summary", access({"therapist": 200}, **NO_SUCH_SESSION)),
    Row("POST", "/sessions/{session_id}/signals",
        access({"patient": 201, "therapist": 201}, **NO_SUCH_SESSION),
        body={"type": "candidate", "payload": {"candidate": "x"}}),
    Row("GET", "/sessions/{session_id}/signals",
        access({"patient": 200, "therapist": 200}, **NO_SUCH_SESSION)),
    # Between sessions: a patient's chat, journal and events are theirs alone; admins too are
    # kept out of conversations (403), someone else's object does not exist for you (404).
    Row("POST", "/chat/messages", access(PATIENTS), body={"text": "hello again"}),
    Row("GET", "/chat/conversations", access(PATIENTS)),
    Row("GET", "/chat/conversations/{conversation_id}", access({"patient": 200}, other_patient=404)),
    Row("DELETE", "/chat/conversations/{conversation_id}", access({"patient": 204}, other_patient=404),
        prepare=World.new_conversation),
    Row("POST", "/safety-events/{event_id}/alert-therapist", access({"patient": 200}, other_patient=404),
        prepare=World.new_safety_event),
    Row("GET", "/safety-events", access(THERAPISTS)),
    Row("POST", "/safety-events/{event_id}/acknowledge",
        access({"therapist": 200}, other_therapist=404)),
    Row("POST", "/safety-events/{event_id}/not-a-crisis",
        access({"therapist": 200}, other_therapist=404), body={"note": "a film plot"}),
    Row("GET", "/safety-events/export", access(THERAPISTS)),
    Row("GET", "/patients/{patient_id}/contact", access({"therapist": 200}, other_therapist=404)),
    Row("POST", "/me/location", access(PATIENTS), body={"country": "GB", "region": "London"}),
    Row("GET", "/journal", access(PATIENTS)),
    Row("POST", "/journal", access({"patient": 201, "other_patient": 201}), body={"mood": 5}),
    Row("GET", "/journal/trend", access(PATIENTS), query={"weeks": "4"}),
    Row("PUT", "/journal/{entry_id}", access({"patient": 200}, other_patient=404), body={"mood": 4}),
    Row("DELETE", "/journal/{entry_id}", access({"patient": 204}, other_patient=404),
        prepare=World.new_journal_entry),
    Row("GET", "/questionnaires/{kind}", access(SIGNED_IN)),
    Row("POST", "/questionnaires/{kind}/responses", access({"patient": 201, "other_patient": 201}),
        body={"answers": [0] * 9}),
    Row("GET", "/questionnaires/responses", access(PATIENTS, therapist=400, other_therapist=400)),
    Row("GET", "/questionnaires/due", access(PATIENTS)),
    Row("PUT", "/patients/{patient_id}/questionnaire-cadence",
        access({"therapist": 200}, other_therapist=404), body={"cadence_days": 14}),
    Row("GET", "/resources", everyone(200), query={"q": "stress"}),
    Row("GET", "/resources/{resource_id}", everyone(200)),
    Row("POST", "/resources", access({"admin": 201}),
        body={"title": "Added", "topic": "sleep", "type": "article", "reading_minutes": 3,
              "source_name": "Example", "source_url": "https://example.org/b", "summary": "Ours."}),
    Row("PUT", "/resources/{resource_id}", access({"admin": 200}), body={"reading_minutes": 4}),
    Row("DELETE", "/resources/{resource_id}", access({"admin": 204}), prepare=World.new_resource),
    Row("GET", "/helplines", everyone(200), query={"country": "IN"}),
    Row("GET", "/reports", access(PATIENTS)),
    # A former therapist lists the weeks inside their care (none here), nothing newer.
    Row("GET", "/patients/{patient_id}/reports",
        access({"patient": 200, "therapist": 200, "former_therapist": 200}, **NOT_YOURS)),
    Row("GET", "/reports/{patient_id}/{week}",
        access({"patient": 200, "therapist": 200}, **NOT_YOURS), prepare=compiled_report),
    Row("GET", "/patients/{patient_id}/trends",
        access({"patient": 200, "therapist": 200}, **NOT_YOURS), query={"weeks": "4"}),
    Row("GET", "/patients/{patient_id}/sessions/series",
        access({"patient": 200, "therapist": 200}, **NOT_YOURS)),
    # Messaging (#18, #24): a patient and a therapist write to each other during active care;
    # the same role, oneself or an outsider is "no such person" (404); admins never read
    # messages (403). The other patient chose and booked the same therapist in the rows above,
    # but the therapist has neither accepted nor confirmed: no thread. The former therapist
    # still reads the thread of their care, read-only.
    Row("GET", "/messages/threads", access({**PATIENTS, **THERAPISTS})),
    Row("GET", "/messages/threads/{therapist_id}", access({"patient": 200}, denied=404, admin=403)),
    Row("GET", "/messages/threads/{patient_id}",
        access({"therapist": 200, "former_therapist": 200}, denied=404, admin=403)),
    Row("POST", "/messages/threads/{therapist_id}",
        access({"patient": 201}, denied=404, admin=403),
        body={"text": "See you on Thursday."}),
    Row("POST", "/messages/threads/{patient_id}", access({"therapist": 201}, denied=404, admin=403),
        body={"text": "Thanks, see you then."}),
    Row("GET", "/waiting-room", access({**PATIENTS, **THERAPISTS})),
    # A wrong current password: who may try (everyone signed in) without changing anything.
    Row("PUT", "/me/password", access({role: 400 for role in SIGNED_IN}),
        body={"current_password": "Wrong-Passw0rd-1", "new_password": "Another-Passw0rd-2"}),
]

# Treatment plans (branch `plans`): the patient's therapist only (other therapists 404, patients
# and admins 403 by role); the patient reads the shared part and ticks shared homework.
_PLAN = {"goals": [{"goal_id": "authz-goal", "title": "Walks a week", "measure": "custom",
                    "baseline": 0, "target": 4, "direction": "increase",
                    "review_by": "2099-01-01", "shared": True}],
         "interventions": [{"intervention_id": "authz-homework", "title": "Walk",
                            "homework_every_days": 1, "shared": True}],
         "summary_for_patient": "Walking more."}


def planned(world: World) -> None:
    """The world patient has a plan by the world therapist (the custom goal and homework)."""
    response = world.users["therapist"].put(
        f"/patients/{world.users['patient'].user_id}/plan", json=_PLAN)
    assert response.status_code == 200, response.text


ROWS += [
    Row("GET", "/patients/{patient_id}/plan", access({"therapist": 200}, other_therapist=404)),
    Row("PUT", "/patients/{patient_id}/plan", access({"therapist": 200}, other_therapist=404),
        body=_PLAN),
    Row("GET", "/patients/{patient_id}/plan/versions",
        access({"therapist": 200}, other_therapist=404)),
    Row("POST", "/patients/{patient_id}/plan/values",
        access({"therapist": 201}, other_therapist=404),
        body={"goal_id": "authz-goal", "value": 2}, prepare=planned),
    Row("GET", "/plans/review-due", access(THERAPISTS)),
    Row("GET", "/me/plan", access(PATIENTS)),
    Row("PUT", "/me/plan/homework", access({"patient": 200}, other_patient=404),
        body={"intervention_id": "authz-homework"}, prepare=planned),
]

# Payments (issue 26). The world's booking is with a therapist who takes no payment, so it
# has no payment: its sides are told so (404); other roles are refused by role first.
_NO_PAYMENT = {"therapist": 404, "other_therapist": 404}
ROWS += [
    Row("POST", "/payments/webhook", everyone(400), body={"id": "evt_unsigned"}),
    Row("POST", "/payments/card-setup", access(PATIENTS)),
    Row("GET", "/therapists/{therapist_id}/payment-terms", everyone(200)),
    Row("GET", "/therapists/me/payment-terms", access(THERAPISTS)),
    Row("PUT", "/therapists/me/payment-terms", access(THERAPISTS),
        body={"late_cancel_fee_percent": 50}),
    Row("GET", "/me/payments", access(PATIENTS)),
    Row("GET", "/therapists/me/payments", access(THERAPISTS)),
    Row("GET", "/therapists/me/earnings", access(THERAPISTS)),
    Row("GET", "/payments/{booking_id}", access({}, denied=404)),
    Row("POST", "/payments/{booking_id}/reduced-fee", access(_NO_PAYMENT),
        body={"decision": "accept"}),
    Row("POST", "/payments/{booking_id}/refunds", access({**_NO_PAYMENT, "admin": 404}),
        body={"reason": "goodwill"}),
    Row("POST", "/payments/{booking_id}/waive-fee", access(_NO_PAYMENT)),
    Row("PUT", "/payments/{booking_id}/superbill", access(_NO_PAYMENT),
        body={"diagnosis_codes": []}),
    Row("GET", "/payments/{booking_id}/superbill.pdf",
        access({"patient": 404, "other_patient": 404, **_NO_PAYMENT})),
    Row("POST", "/admin/payments/reconcile", access({"admin": 200})),
]

# Care relationships (#24): the patient asks, the therapist accepts, declines or discharges,
# the patient ends; who has read the patient's data; sharing a self-reflect session.
ROWS += [
    Row("GET", "/me/care", access(PATIENTS)),
    Row("DELETE", "/me/care/{care_therapist_id}", access({"patient": 200}, other_patient=404),
        prepare=World.new_care_to_end),
    Row("POST", "/patients/{requesting_id}/care/accept",
        access({"therapist": 200}, other_therapist=404), prepare=World.new_care_request),
    Row("POST", "/patients/{requesting_id}/care/decline",
        access({"therapist": 200}, other_therapist=404), body={"reason": "my list is full"},
        prepare=World.new_care_request),
    Row("POST", "/patients/{cared_id}/care/discharge",
        access({"therapist": 200}, other_therapist=404), body={},
        prepare=World.new_patient_in_care),
    Row("GET", "/me/access-log", access(PATIENTS)),
    Row("PUT", "/sessions/{self_reflect_id}/sharing", access({"patient": 200}, other_patient=404),
        body={"shared": False}),
]
