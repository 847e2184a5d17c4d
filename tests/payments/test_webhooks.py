"""Stripe's webhook: signed (forged or stale → 400), idempotent, unknown objects acknowledged;
and the nightly reconciliation report."""
from __future__ import annotations

import hashlib
import hmac
import json
import time

import pytest
import requests

from tests.payments.conftest import book_paid, intent_of, paid_and_ended

pytestmark = [pytest.mark.stack]


def _deliver(stack, event: dict, secret: str | None = None, at: int | None = None):
    payload = json.dumps(event).encode()
    at = at or int(time.time())
    secret = secret or stack.env["EMOTECARE_STRIPE_WEBHOOK_SECRET"]
    signature = hmac.new(secret.encode(), b"%d.%s" % (at, payload), hashlib.sha256).hexdigest()
    return requests.post(f"{stack.api_url}/payments/webhook", data=payload, timeout=10,
                         headers={"Content-Type": "application/json",
                                  "Stripe-Signature": f"t={at},v1={signature}"})


def _event(event_id: str, intent_id: str, status: str = "requires_capture") -> dict:
    return {"id": event_id, "object": "event", "type": "payment_intent.amount_capturable_updated",
            "created": int(time.time()), "data": {"object": {
                "id": intent_id, "object": "payment_intent", "status": status}}}


def _details(stack, booking_id):
    item = stack.client("dynamodb").get_item(
        TableName=f"{stack.env['EMOTECARE_TABLE_PREFIX']}-payments",
        Key={"booking_id": {"S": booking_id}})["Item"]
    return item


def test_a_forged_webhook_is_refused(stack):
    response = _deliver(stack, _event("evt_forged", "pi_x"), secret="whsec_not_ours")
    assert response.status_code == 400
    unsigned = requests.post(f"{stack.api_url}/payments/webhook", json=_event("evt_u", "pi_x"),
                             timeout=10)
    assert unsigned.status_code == 400


def test_an_event_replayed_outside_the_window_is_refused(stack):
    response = _deliver(stack, _event("evt_stale", "pi_x"), at=int(time.time()) - 600)
    assert response.status_code == 400
    assert "timestamp" in response.json()["error"].lower()


def test_the_same_event_twice_changes_nothing(stack, paying_therapist, patient):
    booking = book_paid(stack, patient, paying_therapist).json()
    intent = intent_of(stack, booking["booking_id"])
    event_id = f"evt_{booking['booking_id'][:8]}"
    first = _deliver(stack, _event(event_id, intent))
    assert first.status_code == 200 and first.json() == {"received": True}
    after_first = _details(stack, booking["booking_id"])
    replay = _deliver(stack, _event(event_id, intent, status="canceled"))
    assert replay.status_code == 200 and replay.json()["duplicate"] is True
    assert _details(stack, booking["booking_id"]) == after_first


def test_an_event_for_an_unknown_object_is_acknowledged_and_logged(stack):
    response = _deliver(stack, _event("evt_unknown_1", "pi_nobody_knows"))
    assert response.status_code == 200 and response.json()["unknown_object"] is True
    stack.wait_for_log("stripe event for an object we do not know")


def test_localstripe_delivers_its_own_signed_events(stack, paying_therapist, patient):
    booking = paid_and_ended(stack, paying_therapist, patient)  # capture → succeeded event
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        events = str(_details(stack, booking["booking_id"]).get("stripe_events"))
        if "payment_intent.succeeded" in events:
            break
        time.sleep(0.3)
    assert "payment_intent.succeeded" in events


def test_reconciliation_reports_a_difference_and_nothing_else(stack, paying_therapist, patient,
                                                              admin, stripe_records):
    booking = book_paid(stack, patient, paying_therapist).json()
    clean = admin.post("/admin/payments/reconcile")
    assert clean.status_code == 200, clean.text
    mine = [d for d in clean.json()["differences"] if d["booking_id"] == booking["booking_id"]]
    assert mine == []
    # Someone cancels the hold in Stripe's dashboard, behind our back.
    stripe_records.payment_intents.cancel(intent_of(stack, booking["booking_id"]))
    report = admin.post("/admin/payments/reconcile").json()
    mine = [d for d in report["differences"] if d["booking_id"] == booking["booking_id"]]
    assert mine == [{"booking_id": booking["booking_id"],
                     "payment_intent_id": intent_of(stack, booking["booking_id"]),
                     "problem": "status", "ours": "authorised", "stripe": "canceled"}]
    assert patient.post("/admin/payments/reconcile").status_code == 403


def test_the_nightly_job_is_scheduled(stack):
    log = stack.wait_for_log("Scheduled:")
    assert "reconcile-payments" in log and "release-unstarted-payments" in log
