"""A patient and their therapist write to each other; nobody else reads or writes the thread."""
from __future__ import annotations

import pytest

from tests.messaging.helpers import booked, inbox, thread, write, written_to_two_therapists
from tests.support.accounts import make_user
from tests.support.scheduling import approved_therapist, book, slot_after

pytestmark = pytest.mark.stack


def test_patient_writes_therapist_sees_unread_replies_and_patient_reads(patient, therapist):
    booked(patient, therapist)
    sent = write(patient, therapist, "  Could we talk about sleep next time?  ")
    assert sent.status_code == 201, sent.text
    message = sent.json()
    assert message["from"] == patient.user_id and message["text"] == "Could we talk about sleep next time?"
    assert message["read_at"] is None and message["crisis"] is False

    # The writer reads its own message back at once (consistent read).
    assert thread(patient, therapist)["messages"][0]["message_id"] == message["message_id"]
    [row] = inbox(therapist)
    assert row["with"] == {"user_id": patient.user_id, "name": "Test Patient", "role": "patient"}
    assert row["unread"] == 1 and row["last_message_preview"].startswith("Could we talk")

    read = thread(therapist, patient)
    assert read["messages"][0]["read_at"] is not None, "reading marks the other side's messages read"
    assert inbox(therapist)[0]["unread"] == 0
    assert write(therapist, patient, "Yes, let's. Keep a sleep diary until then.").status_code == 201
    assert inbox(patient)[0]["unread"] == 1
    mine = thread(patient, therapist)["messages"]
    assert [m["from"] for m in mine] == [therapist.user_id, patient.user_id], "newest first"
    assert mine[1]["read_at"] is not None and mine[0]["read_at"] is not None
    assert inbox(patient)[0]["unread"] == 0


def test_threads_are_listed_newest_first(stack, admin, patient, therapist):
    second = written_to_two_therapists(stack, admin, patient, therapist, "first", "second")
    assert [t["with"]["user_id"] for t in inbox(patient)] == [second.user_id, therapist.user_id]
    write(patient, therapist, "third")
    assert [t["with"]["user_id"] for t in inbox(patient)] == [therapist.user_id, second.user_id]


def test_a_chosen_therapist_is_written_to_once_they_accept_without_a_booking(patient, therapist):
    assert write(patient, therapist, "hello").status_code == 404
    chosen = patient.put("/me/therapist", json={"therapist_id": therapist.user_id})
    assert chosen.status_code == 200, chosen.text
    assert write(patient, therapist, "hello").status_code == 404
    assert therapist.post(f"/patients/{patient.user_id}/care/accept").status_code == 200
    assert write(patient, therapist, "hello").status_code == 201
    assert write(therapist, patient, "welcome").status_code == 201


def test_nobody_else_reads_or_writes_a_thread(stack, admin, patient, therapist):
    booked(patient, therapist)
    assert write(patient, therapist, "private words").status_code == 201
    other_patient = make_user(stack, "patient")
    other_therapist = approved_therapist(stack, admin)
    for outsider, target in ((other_patient, therapist), (other_therapist, patient)):
        assert outsider.get(f"/messages/threads/{target.user_id}").status_code == 404
        assert write(outsider, target, "hi").status_code == 404
        assert inbox(outsider) == []
    # Same role, or oneself: no such person to write to.
    assert patient.get(f"/messages/threads/{other_patient.user_id}").status_code == 404
    assert write(therapist, other_therapist, "colleague").status_code == 404
    assert write(patient, patient, "me").status_code == 404
    assert patient.get("/messages/threads/not-a-user").status_code == 404
    # Admins never read clinical messages.
    assert admin.get("/messages/threads").status_code == 403
    assert admin.get(f"/messages/threads/{patient.user_id}").status_code == 403
    assert admin.post(f"/messages/threads/{patient.user_id}", json={"text": "x"}).status_code == 403


def test_a_patients_other_therapist_sees_only_their_own_thread(stack, admin, patient, therapist):
    second = written_to_two_therapists(stack, admin, patient, therapist,
                                       "for the first therapist", "for the second therapist")
    assert [m["text"] for m in thread(second, patient)["messages"]] == ["for the second therapist"]
    assert [m["text"] for m in thread(therapist, patient)["messages"]] == ["for the first therapist"]


def test_a_declined_booking_does_not_open_a_thread(patient, therapist):
    booking = book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 30)).json()
    assert write(patient, therapist, "hello?").status_code == 404  # pending: not yet care
    declined = therapist.post(f"/bookings/{booking['booking_id']}/decline", json={"reason": "full"})
    assert declined.status_code == 200, declined.text
    assert write(patient, therapist, "hello?").status_code == 404
    assert write(therapist, patient, "sorry").status_code == 404


@pytest.mark.parametrize("body, field", [
    ({"text": ""}, "text"), ({"text": "   "}, "text"), ({"text": "x" * 5001}, "text"),
    ({"text": 5}, "text"), ({}, "text"), ({"text": "ok", "to": "x"}, "to")])
def test_bad_messages_are_refused_naming_the_field_and_nothing_is_stored(patient, therapist, body, field):
    booked(patient, therapist)
    response = patient.post(f"/messages/threads/{therapist.user_id}", json=body)
    assert response.status_code == 400, response.text
    assert response.json()["field"] == field and response.json()["error"]
    assert inbox(patient) == [] and inbox(therapist) == []


def test_the_longest_message_is_kept_whole(patient, therapist):
    booked(patient, therapist)
    text = "a" * 5000
    assert write(patient, therapist, text).status_code == 201
    assert thread(therapist, patient)["messages"][0]["text"] == text


def test_pages_go_back_in_time_with_the_cursor(patient, therapist):
    booked(patient, therapist)
    for number in range(53):  # both sides, each under the 30-a-minute limit on messages
        sender, to = (therapist, patient) if number % 2 == 0 else (patient, therapist)
        assert write(sender, to, f"note {number}").status_code == 201
    first = thread(patient, therapist)
    assert len(first["messages"]) == 50 and first["next"]
    assert first["messages"][0]["text"] == "note 52"
    second = thread(patient, therapist, before=first["next"])
    assert [m["text"] for m in second["messages"]] == ["note 2", "note 1", "note 0"]
    assert second["next"] is None
    assert inbox(patient)[0]["unread"] == 0, "every unread message was marked, not only the page"
    bad = patient.get(f"/messages/threads/{therapist.user_id}", params={"before": "yesterday"})
    assert bad.status_code == 400 and bad.json()["field"] == "before"
