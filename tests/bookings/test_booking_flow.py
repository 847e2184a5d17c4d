"""Booking over HTTP on the local stack: book, confirm, decline, reschedule, cancel, mails."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.support.accounts import make_user
from tests.support.mail import sent_mails, wait_for_mail
from tests.support.scheduling import book, free_slots, setup_therapist, slot_after

pytestmark = pytest.mark.stack


def test_booking_creates_pending_booking_with_session_and_mails_both_sides(stack, therapist,
                                                                          patient):
    slot = slot_after(patient, therapist.user_id, hours=30)
    response = book(patient, therapist.user_id, slot, message="First time, a bit nervous")
    assert response.status_code == 201, response.text
    booking = response.json()
    assert booking["status"] == "pending"
    assert booking["starts_at"] == slot and booking["local_start"].endswith("+01:00")
    assert booking["session_id"] and booking["session_state"] == "booked"
    session = stack.client("dynamodb").get_item(
        TableName=f"{stack.env['EMOTECARE_TABLE_PREFIX']}-sessions",
        Key={"session_id": {"S": booking["session_id"]}})["Item"]
    assert session["kind"]["S"] == "therapy" and session["booking_id"]["S"] == booking["booking_id"]
    to_therapist = wait_for_mail(stack, therapist.email, "New session request")
    assert "a bit nervous" in to_therapist.text
    to_patient = wait_for_mail(stack, patient.email, "Session requested")
    ics = to_patient.attachments["invite.ics"]
    assert "BEGIN:VEVENT" in ics and f"DTSTART:{slot[:19].replace('-', '').replace(':', '')}Z" in ics


def test_booked_slot_disappears_from_free_slots_and_second_booking_gets_409(stack, therapist,
                                                                           patient):
    slot = slot_after(patient, therapist.user_id, hours=30)
    assert book(patient, therapist.user_id, slot).status_code == 201
    assert slot not in [s["starts_at"] for s in free_slots(patient, therapist.user_id, days=4)]
    other = make_user(stack, "patient")
    response = book(other, therapist.user_id, slot)
    assert response.status_code == 409
    assert "already booked" in response.json()["error"]


def test_patient_cannot_be_in_two_sessions_at_once(stack, admin, therapist, patient):
    from tests.support.scheduling import approved_therapist

    second = approved_therapist(stack, admin)
    slot = slot_after(patient, therapist.user_id, hours=30)
    assert book(patient, therapist.user_id, slot).status_code == 201
    response = book(patient, second.user_id, slot)
    assert response.status_code == 409
    assert response.json()["error"] == "you already have a session at that time"


def test_therapist_confirms_and_patient_is_told(stack, therapist, patient):
    booking = book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 30)).json()
    response = therapist.post(f"/bookings/{booking['booking_id']}/confirm")
    assert response.status_code == 200 and response.json()["status"] == "confirmed"
    assert wait_for_mail(stack, patient.email, "Session confirmed")
    assert therapist.post(f"/bookings/{booking['booking_id']}/confirm").status_code == 409


def test_patient_cannot_confirm_their_own_booking(therapist, patient):
    booking = book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 30)).json()
    assert patient.post(f"/bookings/{booking['booking_id']}/confirm").status_code == 403


def test_decline_needs_a_reason_frees_the_slot_and_cancels_the_session(stack, therapist, patient):
    slot = slot_after(patient, therapist.user_id, 30)
    booking = book(patient, therapist.user_id, slot).json()
    path = f"/bookings/{booking['booking_id']}/decline"
    missing = therapist.post(path, json={})
    assert missing.status_code == 400 and missing.json()["field"] == "reason"
    declined = therapist.post(path, json={"reason": "I am away that week"})
    assert declined.status_code == 200
    assert declined.json()["status"] == "declined"
    assert declined.json()["decline_reason"] == "I am away that week"
    assert declined.json()["session_state"] == "cancelled"
    assert "I am away that week" in wait_for_mail(stack, patient.email, "declined").text
    assert slot in [s["starts_at"] for s in free_slots(patient, therapist.user_id, days=4)]


def test_cancel_more_than_24h_before_is_free(therapist, patient):
    booking = book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 30)).json()
    response = patient.post(f"/bookings/{booking['booking_id']}/cancel", json={"reason": "ill"})
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"


def test_patient_cancelling_within_24h_is_recorded_as_late(stack, therapist, patient):
    booking = book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 2)).json()
    response = patient.post(f"/bookings/{booking['booking_id']}/cancel", json={})
    assert response.status_code == 200
    assert response.json()["status"] == "late_cancelled"
    assert wait_for_mail(stack, therapist.email, "Session cancelled")
    again = patient.post(f"/bookings/{booking['booking_id']}/cancel", json={})
    assert again.status_code == 409


def test_therapist_cancelling_late_is_not_charged_to_the_patient(therapist, patient):
    booking = book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 2)).json()
    response = therapist.post(f"/bookings/{booking['booking_id']}/cancel",
                              json={"reason": "emergency"})
    assert response.json()["status"] == "cancelled"
    assert response.json()["cancelled_by"] == "therapist"


def test_reschedule_moves_the_claim_and_needs_confirming_again(stack, therapist, patient):
    first = slot_after(patient, therapist.user_id, 30)
    booking = book(patient, therapist.user_id, first).json()
    therapist.post(f"/bookings/{booking['booking_id']}/confirm")
    later = slot_after(patient, therapist.user_id, 50)
    response = patient.post(f"/bookings/{booking['booking_id']}/reschedule",
                            json={"starts_at": later})
    assert response.status_code == 200, response.text
    moved = response.json()
    assert moved["starts_at"] == later and moved["status"] == "pending"
    slots = [s["starts_at"] for s in free_slots(patient, therapist.user_id, days=4)]
    assert first in slots and later not in slots
    mail = wait_for_mail(stack, patient.email, "Session moved")
    assert "SEQUENCE:1" in mail.attachments["invite.ics"]
    other = make_user(stack, "patient")
    assert book(other, therapist.user_id, later).status_code == 409
    assert book(other, therapist.user_id, first).status_code == 201


def test_reschedule_onto_a_taken_slot_is_409_and_keeps_the_booking(stack, therapist, patient):
    mine = book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 30)).json()
    taken = slot_after(patient, therapist.user_id, 40)
    assert book(make_user(stack, "patient"), therapist.user_id, taken).status_code == 201
    response = patient.post(f"/bookings/{mine['booking_id']}/reschedule",
                            json={"starts_at": taken})
    assert response.status_code == 409
    assert patient.get(f"/bookings/{mine['booking_id']}").json()["starts_at"] == mine["starts_at"]


@pytest.mark.parametrize("body, field", [
    ({"starts_at": "2020-01-06T10:00:00Z"}, "starts_at"),
    ({"therapy_type": "group"}, "therapy_type"),
    ({"therapist_id": "no-such-therapist"}, "therapist_id"),
    ({"starts_at": "next tuesday"}, "starts_at"),
    ({"starts_at": "2030-01-07T10:30:00Z"}, "starts_at"),
    ({"message": "x" * 1001}, "message"),
    ({"therapy_type": "couple"}, "participants"),
    ({"therapy_type": "couple", "participants": ["not-an-email"]}, "participants[0]"),
    ({"participants": ["friend@example.com"]}, "participants"),
    ({"surprise": 1}, "surprise"),
])
def test_invalid_booking_is_400_naming_the_field(therapist, patient, body, field):
    slot = slot_after(patient, therapist.user_id, 30)
    payload = {"therapist_id": therapist.user_id, "starts_at": slot,
               "therapy_type": "individual", **body}
    response = patient.post("/bookings", json=payload)
    assert response.status_code == 400, response.text
    assert response.json()["field"] == field


def test_couple_session_invites_the_partner_by_email(stack, therapist, patient):
    slot = slot_after(patient, therapist.user_id, 30)
    response = book(patient, therapist.user_id, slot, therapy_type="couple",
                    participants=["Partner@Example.com"])
    assert response.status_code == 201, response.text
    assert response.json()["participants"] == ["partner@example.com"]
    invitation = wait_for_mail(stack, "partner@example.com", "invited you")
    assert "couple" in invitation.subject and "invite.ics" in invitation.attachments


def test_unapproved_therapist_is_not_listed_bookable_or_able_to_confirm(stack, admin, patient):
    pending = make_user(stack, "therapist")
    setup_therapist(pending)
    listed = [t["therapist_id"] for t in patient.get("/therapists").json()["therapists"]]
    assert pending.user_id not in listed
    assert patient.get(f"/therapists/{pending.user_id}").status_code == 404
    slot = (datetime.now(timezone.utc) + timedelta(days=2)).strftime("%Y-%m-%dT%H:00:00Z")
    response = book(patient, pending.user_id, slot)
    assert response.status_code == 400 and response.json()["field"] == "therapist_id"


def test_therapist_sent_back_to_review_cannot_confirm(stack, admin, therapist, patient):
    booking = book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 30)).json()
    assert therapist.put("/therapists/me", json={"licence_number": "NEW-999"}).json()[
        "status"] == "pending"
    response = therapist.post(f"/bookings/{booking['booking_id']}/confirm")
    assert response.status_code == 403
    assert "approval" in response.json()["error"]


def test_upcoming_and_past_lists_for_both_sides(stack, therapist, patient):
    booking = book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 30)).json()
    for user in (patient, therapist):
        upcoming = user.get("/bookings", params={"scope": "upcoming"}).json()["bookings"]
        assert [b["booking_id"] for b in upcoming] == [booking["booking_id"]]
        assert upcoming[0]["therapist_name"] == "Dr. Test"
        assert user.get("/bookings", params={"scope": "past"}).json()["bookings"] == []
    # A past booking, written as the stack would have stored it an hour after the session.
    table = f"{stack.env['EMOTECARE_TABLE_PREFIX']}-bookings"
    start = (datetime.now(timezone.utc) - timedelta(days=2)).strftime("%Y-%m-%dT%H:00:00Z")
    stack.client("dynamodb").put_item(TableName=table, Item={
        "booking_id": {"S": "past-" + booking["booking_id"]},
        "therapist_id": {"S": therapist.user_id}, "patient_id": {"S": patient.user_id},
        "starts_at": {"S": start}, "ends_at": {"S": start.replace(":00:00Z", ":50:00Z")},
        "start_day": {"S": start[:10]}, "status": {"S": "confirmed"},
        "details": {"S": '{"therapy_type": "individual"}'}})
    past = patient.get("/bookings", params={"scope": "past"}).json()["bookings"]
    assert [b["starts_at"] for b in past] == [start]
    assert patient.get("/bookings", params={"scope": "soon"}).status_code == 400


def test_invite_ics_download(therapist, patient):
    booking = book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 30)).json()
    response = patient.get(f"/bookings/{booking['booking_id']}/invite.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/calendar")
    assert f"UID:{booking['booking_id']}@emotecare" in response.text
    assert response.text.endswith("END:VCALENDAR\r\n")


def test_mails_reach_only_their_recipients(stack, therapist, patient):
    book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 30))
    wait_for_mail(stack, therapist.email, "New session request")
    assert all(m.to == [patient.email] or m.to == [therapist.email]
               for m in sent_mails(stack, patient.email) + sent_mails(stack, therapist.email))
