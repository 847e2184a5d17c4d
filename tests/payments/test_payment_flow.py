"""Paid bookings end to end over HTTP against the running stack and its localstripe."""
from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest

from tests.payments.conftest import (
    DECLINED_CARD, PRICE, add_card, book_paid, intent_of, move_booking_to_now, paid_and_ended,
    set_terms, stripe_net)
from tests.support.mail import wait_for_mail
from tests.support.scheduling import book, slot_after

pytestmark = [pytest.mark.stack]
FULL = PRICE * 100


def _payment(user, booking_id):
    response = user.get(f"/payments/{booking_id}")
    assert response.status_code == 200, response.text
    return response.json()


def test_a_paid_session_is_authorised_at_booking_and_captured_when_it_ends(
        stack, paying_therapist, patient, stripe_records):
    booked = book_paid(stack, patient, paying_therapist)
    assert booked.status_code == 201, booked.text
    booking = booked.json()
    payment = _payment(patient, booking["booking_id"])
    assert (payment["status"], payment["authorised"], payment["captured"]) == (
        "authorised", FULL, 0)
    assert "24 hours" in payment["cancellation_policy"]
    intent = intent_of(stack, booking["booking_id"])
    assert stripe_records.payment_intents.retrieve(intent).status == "requires_capture"

    assert paying_therapist.post(f"/bookings/{booking['booking_id']}/confirm").status_code == 200
    confirmed = wait_for_mail(stack, patient.email, "Session confirmed")
    assert "Cancellation policy: Free to cancel up to 24 hours" in confirmed.text
    move_booking_to_now(stack, booking)
    session = booking["session_id"]
    for user in (paying_therapist, patient):
        assert user.post(f"/sessions/{session}/join").status_code == 200
    assert paying_therapist.post(f"/sessions/{session}/end").status_code == 200

    payment = _payment(patient, booking["booking_id"])
    assert (payment["status"], payment["captured"]) == ("captured", FULL)
    assert stripe_net(stripe_records, intent) == FULL
    receipt = wait_for_mail(stack, patient.email, "Receipt")
    assert "$80.00" in receipt.text


def test_a_declined_card_books_nothing_and_frees_the_slot(stack, paying_therapist, patient,
                                                          people):
    slot = slot_after(patient, paying_therapist.user_id, 48)
    declined = book(patient, paying_therapist.user_id, slot,
                    payment_method_id=add_card(stack, patient, DECLINED_CARD))
    assert declined.status_code == 402, declined.text
    assert "declined" in declined.json()["error"]
    other = people.patient()
    again = book(other, paying_therapist.user_id, slot,
                 payment_method_id=add_card(stack, other))
    assert again.status_code == 201, again.text


def test_a_booking_with_a_paying_therapist_needs_a_card(stack, paying_therapist, patient):
    response = book(patient, paying_therapist.user_id,
                    slot_after(patient, paying_therapist.user_id, 48))
    assert response.status_code == 400
    assert response.json()["field"] == "payment_method_id"


def test_a_card_of_someone_else_is_refused(stack, paying_therapist, patient, people):
    stranger = people.patient()
    stranger_card = add_card(stack, stranger)
    kept = book_paid(stack, stranger, paying_therapist, card=stranger_card, save_card=True)
    assert kept.status_code == 201, kept.text
    response = book_paid(stack, patient, paying_therapist, card=stranger_card)
    assert response.status_code == 400
    assert "not one of your cards" in response.json()["error"]


def test_an_early_cancellation_releases_the_hold(stack, paying_therapist, patient,
                                                 stripe_records):
    booking = book_paid(stack, patient, paying_therapist, hours_ahead=48).json()
    response = patient.post(f"/bookings/{booking['booking_id']}/cancel", json={})
    assert response.status_code == 200
    payment = _payment(patient, booking["booking_id"])
    assert (payment["status"], payment["captured"]) == ("released", 0)
    intent = intent_of(stack, booking["booking_id"])
    assert stripe_records.payment_intents.retrieve(intent).status == "canceled"


def test_a_late_cancellation_captures_the_therapists_fee_which_they_can_waive(
        stack, people, patient, stripe_records):
    therapist = people.therapist(price_per_session=PRICE)
    set_terms(therapist, late_cancel_fee_percent=40)
    booking = book_paid(stack, patient, therapist, hours_ahead=2).json()
    assert patient.post(f"/bookings/{booking['booking_id']}/cancel", json={}).status_code == 200
    payment = _payment(patient, booking["booking_id"])
    assert (payment["status"], payment["captured"], payment["late_fee"]) == (
        "captured", FULL * 40 // 100, True)
    intent = intent_of(stack, booking["booking_id"])
    assert stripe_net(stripe_records, intent) == FULL * 40 // 100

    waived = therapist.post(f"/payments/{booking['booking_id']}/waive-fee")
    assert waived.status_code == 200, waived.text
    assert _payment(patient, booking["booking_id"])["refunded"] == FULL * 40 // 100
    assert stripe_net(stripe_records, intent) == 0


def test_a_therapist_cancellation_releases_in_full_even_late(stack, paying_therapist, patient,
                                                             stripe_records):
    booking = book_paid(stack, patient, paying_therapist, hours_ahead=2).json()
    response = paying_therapist.post(f"/bookings/{booking['booking_id']}/cancel",
                                     json={"reason": "ill"})
    assert response.status_code == 200
    assert _payment(patient, booking["booking_id"])["status"] == "released"


def test_an_accepted_reduced_fee_is_charged_the_reduced_price(stack, people, patient,
                                                              stripe_records):
    therapist = people.therapist(price_per_session=PRICE)
    set_terms(therapist, reduced_fee_places=1, reduced_fee_bands=[50, 25])
    terms = therapist.get(f"/therapists/{therapist.user_id}/payment-terms").json()
    assert terms["reduced_fee_bands"] == [50, 25]
    booking = book_paid(stack, patient, therapist, reduced_fee_band=25).json()
    seen = therapist.get(f"/payments/{booking['booking_id']}").json()
    assert seen["reduced_fee"] == {"band": 25, "status": "requested"}
    # The one place is taken while the request stands.
    another = people.patient()
    full = book_paid(stack, another, therapist, hours_ahead=72, reduced_fee_band=50)
    assert full.status_code == 400 and "no reduced-fee place" in full.json()["error"]
    decided = therapist.post(f"/payments/{booking['booking_id']}/reduced-fee",
                             json={"decision": "accept"})
    assert decided.status_code == 200, decided.text
    assert therapist.post(f"/bookings/{booking['booking_id']}/confirm").status_code == 200
    move_booking_to_now(stack, booking)
    for user in (therapist, patient):
        assert user.post(f"/sessions/{booking['session_id']}/join").status_code == 200
    assert therapist.post(f"/sessions/{booking['session_id']}/end").status_code == 200
    payment = _payment(patient, booking["booking_id"])
    assert (payment["status"], payment["captured"]) == ("captured", FULL * 25 // 100)
    assert stripe_net(stripe_records, intent_of(stack, booking["booking_id"])) == FULL // 4


def test_a_declined_reduced_fee_request_pays_the_full_price(stack, people, patient):
    therapist = people.therapist(price_per_session=PRICE)
    set_terms(therapist, reduced_fee_places=2, reduced_fee_bands=[50])
    booking = book_paid(stack, patient, therapist, reduced_fee_band=50).json()
    assert patient.post(f"/payments/{booking['booking_id']}/reduced-fee",
                        json={"decision": "accept"}).status_code == 403
    decided = therapist.post(f"/payments/{booking['booking_id']}/reduced-fee",
                             json={"decision": "decline"})
    assert decided.json()["due"] == FULL


def test_the_first_session_is_free_when_the_therapist_says_so(stack, people, patient):
    therapist = people.therapist(price_per_session=PRICE)
    set_terms(therapist, first_session_free=True)
    first = book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 48))
    assert first.status_code == 201, first.text
    assert _payment(patient, first.json()["booking_id"])["status"] == "free"
    second = book(patient, therapist.user_id, slot_after(patient, therapist.user_id, 96))
    assert second.status_code == 400  # the second one needs a card


def test_a_refund_shows_on_both_sides_and_at_stripe(stack, paying_therapist, patient, admin,
                                                    stripe_records):
    booking = paid_and_ended(stack, paying_therapist, patient)
    bid = booking["booking_id"]
    assert patient.post(f"/payments/{bid}/refunds", json={"reason": "x"}).status_code == 403
    assert paying_therapist.post(f"/payments/{bid}/refunds",
                                 json={"amount": FULL + 1, "reason": "too much"}).status_code == 400
    assert paying_therapist.post(f"/payments/{bid}/refunds", json={"amount": 1000}).status_code == 400
    partial = paying_therapist.post(f"/payments/{bid}/refunds",
                                    json={"amount": 3000, "reason": "connection dropped"})
    assert partial.status_code == 201, partial.text
    rest = admin.post(f"/payments/{bid}/refunds", json={"reason": "goodwill"})
    assert rest.status_code == 201, rest.text
    mine = next(p for p in patient.get("/me/payments").json()["payments"]
                if p["booking_id"] == bid)
    theirs = next(p for p in paying_therapist.get("/therapists/me/payments").json()["payments"]
                  if p["booking_id"] == bid)
    for seen in (mine, theirs):
        assert seen["refunded"] == FULL and seen["net"] == 0
        assert [(r["amount"], r["reason"], r["by"]) for r in seen["refunds"]] == [
            (3000, "connection dropped", "therapist"), (FULL - 3000, "goodwill", "admin")]
    assert stripe_net(stripe_records, intent_of(stack, bid)) == 0
    wait_for_mail(stack, patient.email, "Refund")


def test_payments_and_earnings_agree_with_localstripe(stack, paying_therapist, patient,
                                                      stripe_records):
    ended = paid_and_ended(stack, paying_therapist, patient)
    paying_therapist.post(f"/payments/{ended['booking_id']}/refunds",
                          json={"amount": 500, "reason": "late start"})
    late = book_paid(stack, patient, paying_therapist, hours_ahead=2).json()
    patient.post(f"/bookings/{late['booking_id']}/cancel", json={})
    mine = patient.get("/me/payments").json()["payments"]
    assert {p["booking_id"] for p in mine} == {ended["booking_id"], late["booking_id"]}
    for payment in mine:
        assert payment["net"] == stripe_net(stripe_records, intent_of(stack, payment["booking_id"]))
    earnings = paying_therapist.get("/therapists/me/earnings").json()
    stripe_total = sum(stripe_net(stripe_records, intent_of(stack, p["booking_id"]))
                       for p in mine)
    assert earnings["total_owed"] == stripe_total == FULL - 500 + FULL // 2
    (month,) = earnings["months"]
    assert (month["sessions"], month["late_fees"], month["refunds"]) == (1, 1, 500)


def test_twenty_concurrent_bookings_of_one_slot_authorise_exactly_one_payment(
        stack, paying_therapist, people, stripe_records):
    patients = [people.patient() for _ in range(20)]
    cards = [add_card(stack, p) for p in patients]
    slot = slot_after(patients[0], paying_therapist.user_id, 48)
    barrier = Barrier(len(patients))

    def fire(i):
        barrier.wait()
        return book(patients[i], paying_therapist.user_id, slot, payment_method_id=cards[i])

    with ThreadPoolExecutor(max_workers=len(patients)) as pool:
        responses = list(pool.map(fire, range(len(patients))))
    assert Counter(r.status_code for r in responses) == {201: 1, 409: 19}
    new = [i for i in stripe_records.payment_intents.list(params={"limit": 100}).auto_paging_iter()
           if i.payment_method in cards]
    assert [i.status for i in new] == ["requires_capture"]
    winner = next(r.json() for r in responses if r.status_code == 201)
    assert new[0].metadata["booking_id"] == winner["booking_id"]


def test_a_session_that_never_started_is_released_in_full(stack, paying_therapist, patient,
                                                          stripe_records):
    booking = book_paid(stack, patient, paying_therapist).json()
    assert paying_therapist.post(f"/bookings/{booking['booking_id']}/confirm").status_code == 200
    move_booking_to_now(stack, booking, minutes=-61)  # it ended, and nobody came
    from emotecare.payments.charges import release_unstarted
    from tests.support.stack import this_process_on

    with this_process_on(stack):
        from emotecare import settings as settings_module
        from emotecare.db import bind_models
        from functions.schedules import _payment_gateway

        current = settings_module.get_settings()
        bind_models(current)
        assert release_unstarted(_payment_gateway(current)) >= 1
    assert _payment(patient, booking["booking_id"])["status"] == "released"
    intent = intent_of(stack, booking["booking_id"])
    assert stripe_records.payment_intents.retrieve(intent).status == "canceled"


def test_a_card_is_kept_for_the_next_booking_only_with_consent(stack, paying_therapist, patient,
                                                               people):
    kept = book_paid(stack, patient, paying_therapist, save_card=True)
    assert kept.status_code == 201, kept.text
    assert patient.post("/payments/card-setup").json()["saved_card"] == "visa •••• 4242"
    again = book(patient, paying_therapist.user_id,
                 slot_after(patient, paying_therapist.user_id, 96))  # no card sent: the saved one
    assert again.status_code == 201, again.text
    assert _payment(patient, again.json()["booking_id"])["status"] == "authorised"

    other = people.patient()
    assert book_paid(stack, other, paying_therapist, hours_ahead=72).status_code == 201
    assert other.post("/payments/card-setup").json()["saved_card"] is None
    without = book(other, paying_therapist.user_id,
                   slot_after(other, paying_therapist.user_id, 120))
    assert without.status_code == 400 and without.json()["field"] == "payment_method_id"
