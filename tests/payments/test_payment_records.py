"""Payments in the export, kept without the patient's identity on erasure; superbills;
holds of sessions that never started are released."""
from __future__ import annotations

import pytest

from tests.payments.conftest import book_paid, intent_of, paid_and_ended

pytestmark = [pytest.mark.stack]


def _row(stack, booking_id):
    return stack.client("dynamodb").get_item(
        TableName=f"{stack.env['EMOTECARE_TABLE_PREFIX']}-payments",
        Key={"booking_id": {"S": booking_id}}).get("Item")


def test_payments_are_exported_and_kept_without_name_or_email_on_erasure(
        stack, paying_therapist, patient, stripe_records):
    paid = paid_and_ended(stack, paying_therapist, patient)
    upcoming = book_paid(stack, patient, paying_therapist, hours_ahead=72).json()
    exported = patient.get("/me/export").json()["tables"]["payments"]
    assert {p["booking_id"] for p in exported} == {paid["booking_id"], upcoming["booking_id"]}

    assert patient.delete("/me").status_code == 204
    kept = _row(stack, paid["booking_id"])
    assert kept is not None and kept["captured"]["N"] == "8000"
    assert kept["patient_id"]["S"] == "erased"
    text = str(kept)
    assert patient.email not in text and patient.user_id not in text
    # The future session's hold is released with the account.
    assert stripe_records.payment_intents.retrieve(
        intent_of(stack, upcoming["booking_id"])).status == "canceled"
    # The therapist's books still add up.
    assert paying_therapist.get("/therapists/me/earnings").json()["total_owed"] == 8000


def test_a_superbill_for_a_paid_session_with_codes_only_when_added(stack, paying_therapist,
                                                                   patient, people):
    paid = paid_and_ended(stack, paying_therapist, patient)
    bid = paid["booking_id"]
    pdf = patient.get(f"/payments/{bid}/superbill.pdf")
    assert pdf.status_code == 200 and pdf.headers["Content-Type"] == "application/pdf"
    body = pdf.content
    assert body.startswith(b"%PDF-1.4") and body.rstrip().endswith(b"%%EOF")
    for expected in (b"Licence: LIC-0001", b"Duration: 60 minutes", rb"Service code \(CPT\): 90837",
                     b"Fee charged: $80.00", b"Dr. Test"):
        assert expected in body, expected
    assert b"Diagnosis" not in body
    assert patient.put(f"/payments/{bid}/superbill",
                       json={"diagnosis_codes": ["F41.1"]}).status_code == 403
    assert paying_therapist.put(f"/payments/{bid}/superbill",
                                json={"diagnosis_codes": ["not a code"]}).status_code == 400
    coded = paying_therapist.put(f"/payments/{bid}/superbill",
                                 json={"diagnosis_codes": ["f41.1"]})
    assert coded.status_code == 200, coded.text
    assert rb"Diagnosis codes \(ICD-10\): F41.1" in paying_therapist.get(
        f"/payments/{bid}/superbill.pdf").content
    assert people.patient().get(f"/payments/{bid}/superbill.pdf").status_code == 404
    unpaid = book_paid(stack, patient, paying_therapist, hours_ahead=72).json()
    assert patient.get(f"/payments/{unpaid['booking_id']}/superbill.pdf").status_code == 409


def test_payment_terms_are_validated_and_public_before_booking(stack, people):
    therapist = people.therapist()
    assert therapist.put("/therapists/me/payment-terms",
                         json={"late_cancel_fee_percent": 101}).status_code == 400
    assert therapist.put("/therapists/me/payment-terms",
                         json={"reduced_fee_bands": [0]}).status_code == 400
    assert therapist.put("/therapists/me/payment-terms", json={"surprise": 1}).status_code == 400
    assert therapist.get(f"/therapists/{therapist.user_id}/payment-terms").json()[
        "late_cancel_fee_percent"] == 50
    terms = therapist.put("/therapists/me/payment-terms",
                          json={"accepts_payments": True, "late_cancel_fee_percent": 0}).json()
    public = therapist.get(f"/therapists/{therapist.user_id}/payment-terms").json()
    assert public["cancellation_policy"] == terms["cancellation_policy"]
    assert "costs 0 %" in public["cancellation_policy"]
