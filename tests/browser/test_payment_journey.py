"""A patient pays for a session in the browser (Stripe Elements served by localstripe), the
session runs and ends, and both sides see the payment; the receipt is mailed."""
from __future__ import annotations

import pytest

from tests.browser.conftest import DESKTOP, sign_in
from tests.payments.conftest import GOOD_CARD, move_booking_to_now
from tests.support.accounts import PASSWORD, make_user
from tests.support.mail import wait_for_mail
from tests.support.scheduling import approved_therapist

pytestmark = [pytest.mark.browser, pytest.mark.stack, pytest.mark.slow]
WAIT_MS = 15_000


def _no_problems(watched) -> None:
    assert not watched.problems(), watched.problems()


def test_a_patient_pays_by_card_in_the_browser_and_both_sides_see_the_payment(
        stack, open_page):
    admin = make_user(stack, "admin")
    therapist = approved_therapist(stack, admin, name="Dr. Paid", price_per_session=80)
    patient = make_user(stack, "patient", name="Pat Payer")

    # The therapist turns payments on from their Payments page.
    seen = open_page(DESKTOP)
    sign_in(seen, therapist.email, PASSWORD, next_path="/payments")
    seen.open("/payments", ready="#payment-terms")
    seen.page.check("#payment-terms input[name=accepts_payments]")
    seen.page.fill("#payment-terms input[name=late_cancel_fee_percent]", "40")
    seen.page.click("#payment-terms button[type=submit]")
    seen.page.wait_for_function(
        "() => document.querySelector('#payment-terms')?.innerText.includes('costs 40 %')",
        timeout=WAIT_MS)
    assert therapist.get("/therapists/me/payment-terms").json()["accepts_payments"] is True
    seen.screenshot("payment-terms")

    watched = open_page(DESKTOP)
    page = watched.page
    sign_in(watched, patient.email, PASSWORD, next_path=f"/therapists/{therapist.user_id}")
    watched.open(f"/therapists/{therapist.user_id}", ready="#card-element input[placeholder=number]")
    # The policy is shown before booking.
    assert "Free to cancel up to 24 hours" in page.inner_text("#cancellation-policy")
    assert "costs 40 %" in page.inner_text("#payment")
    watched.screenshot("payment-form")
    violations = watched.accessibility_violations()
    assert not violations, "\n".join(violations)

    page.locator(".slot-times button").first.click()
    card = page.locator("#card-element")
    card.locator("input[placeholder=number]").fill(GOOD_CARD)
    card.locator("input[placeholder=exp_month]").fill("12")
    card.locator("input[placeholder=exp_year]").fill("30")
    card.locator("input[placeholder=cvc]").fill("123")
    card.locator("input[placeholder=postal_code]").fill("12345")
    page.check("input[name=save_card]")
    page.click("#book button[type=submit]")
    page.wait_for_function("() => location.hash.startsWith('#/bookings/')", timeout=WAIT_MS)
    booking_id = page.evaluate("() => location.hash.split('/').pop()")
    watched.screenshot("payment-booked")

    held = patient.get(f"/payments/{booking_id}").json()
    assert (held["status"], held["authorised"], held["card"]) == ("authorised", 8000,
                                                                 "visa •••• 4242")
    booking = patient.get(f"/bookings/{booking_id}").json()
    assert therapist.post(f"/bookings/{booking_id}/confirm").status_code == 200
    move_booking_to_now(stack, booking)
    for user in (therapist, patient):
        assert user.post(f"/sessions/{booking['session_id']}/join").status_code == 200
    assert therapist.post(f"/sessions/{booking['session_id']}/end").status_code == 200
    assert "$80.00" in wait_for_mail(stack, patient.email, "Receipt").text

    watched.open("/payments", ready="li.payment")
    row = page.locator(f"li.payment[data-booking-id='{booking_id}']")
    assert "Paid $80.00" in row.inner_text()
    assert row.locator("button", has_text="Superbill").count() == 1
    watched.screenshot("payment-patient-page")
    violations = watched.accessibility_violations()
    assert not violations, "\n".join(violations)
    _no_problems(watched)

    seen.open("/payments", ready="table.earnings")
    assert "$80.00" in seen.page.inner_text("table.earnings")
    row = seen.page.locator(f"li.payment[data-booking-id='{booking_id}']")
    answers = iter(["20.00", "connection dropped"])  # the refund's amount, then its reason
    seen.page.on("dialog", lambda dialog: dialog.accept(next(answers)))
    row.locator("button", has_text="Refund").click()
    seen.page.wait_for_function(
        "(id) => document.querySelector(`li.payment[data-booking-id='${id}']`)"
        "?.innerText.includes('refunded $20.00')", arg=booking_id, timeout=WAIT_MS)
    seen.screenshot("payment-therapist-page")
    _no_problems(seen)

    watched.open("/payments", ready="li.payment")
    refunded = page.locator(f"li.payment[data-booking-id='{booking_id}']").inner_text()
    assert "Refunded $20.00 — connection dropped" in refunded
    watched.screenshot("payment-patient-refund")
