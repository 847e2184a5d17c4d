"""How a therapist reaches a patient after an alert (issue 23, point 5): the patient's phone and
emergency contact (given at sign-up or on the account page), where they last said they are
(confirmed as each session starts), and the emergency number of that place."""
from __future__ import annotations

import re
import uuid

import pytest
import requests

from tests.support.mail import wait_for_mail

pytestmark = pytest.mark.stack
CONTACT = {"name": "Jordan Reed", "phone": "+44 7700 900123", "relationship": "sister"}


def _contact(therapist, patient):
    return therapist.get(f"/patients/{patient.user_id}/contact")


def test_the_patients_therapist_reads_phone_emergency_contact_and_the_number_where_they_are(patient, therapist):
    before = _contact(therapist, patient)
    assert before.status_code == 200, before.text
    assert (before.json()["phone"], before.json()["emergency_contact"], before.json()["location"]) == (None, None, None)
    assert before.json()["emergency"]["number"] == "999" and before.json()["emergency"]["from_location"] is False

    saved = patient.request("PATCH", "/me", json={"phone": "07700 900456", "emergency_contact": CONTACT})
    assert saved.status_code == 200, saved.text
    assert saved.json()["phone"] == "07700 900456" and saved.json()["emergency_contact"] == CONTACT
    # Travelling: where the patient says they are decides the emergency number shown.
    located = patient.post("/me/location", json={"country": "us", "region": "New York", "city": "Albany"})
    assert located.status_code == 200, located.text

    shown = _contact(therapist, patient).json()
    assert (shown["phone"], shown["emergency_contact"]) == ("07700 900456", CONTACT)
    assert {k: shown["location"][k] for k in ("country", "region", "city")} == {
        "country": "US", "region": "New York", "city": "Albany"}
    assert shown["location"]["confirmed_at"]
    assert shown["emergency"]["number"] == "911" and shown["emergency"]["from_location"] is True
    assert any("988" in (line.get("phone") or "") for line in shown["emergency"]["helplines"])
    # Reading how to reach the patient is a read of their data: it is in their access log.
    log = patient.get("/me/access-log").json()["entries"]
    assert [(e["reader_id"], e["kind"]) for e in log if e["kind"] == "contact"] == [
        (therapist.user_id, "contact")]


def test_nobody_but_the_patients_therapist_reads_the_contact(patient, therapist, other_therapist, outsider, admin):
    assert other_therapist.get(f"/patients/{patient.user_id}/contact").status_code == 404
    assert therapist.get(f"/patients/{outsider.user_id}/contact").status_code == 404
    assert therapist.get(f"/patients/{therapist.user_id}/contact").status_code == 404
    assert therapist.get("/patients/no-such-person/contact").status_code == 404
    for user in (patient, admin):
        assert user.get(f"/patients/{patient.user_id}/contact").status_code == 403


@pytest.mark.parametrize("body, field", [
    ({"phone": "call me"}, "phone"),
    ({"phone": "12"}, "phone"),
    ({"emergency_contact": {"name": "Jo"}}, "emergency_contact.phone"),
    ({"emergency_contact": {"name": "", "phone": "+1 555 010 9999"}}, "emergency_contact.name"),
    ({"emergency_contact": {"name": "Jo", "phone": "+1 555 010 9999", "email": "x"}}, "emergency_contact.email"),
    ({"emergency_contact": "Jo, 555"}, "emergency_contact"),
])
def test_bad_contact_details_are_refused_with_the_field_named_and_nothing_lost(patient, body, field):
    assert patient.request("PATCH", "/me", json={"phone": "+44 20 7946 0000"}).status_code == 200
    refused = patient.request("PATCH", "/me", json=body)
    assert refused.status_code == 400 and refused.json()["field"] == field, refused.text
    assert patient.get("/me").json()["phone"] == "+44 20 7946 0000"


def test_location_needs_a_country_code_and_only_patients_confirm_one(patient, therapist):
    for body in ({}, {"country": "Spain"}, {"country": "E1"}, {"country": "ES", "city": "x" * 101}):
        assert patient.post("/me/location", json=body).status_code == 400, body
    assert patient.get("/me").json()["location"] is None
    assert therapist.post("/me/location", json={"country": "ES"}).status_code == 403
    assert therapist.request("PATCH", "/me", json={"phone": "+44 20 7946 0000"}).status_code == 403


def test_a_patient_gives_phone_and_emergency_contact_at_sign_up(stack):
    email = f"patient-{uuid.uuid4().hex[:8]}@signup.example"
    body = {"email": email, "password": "Sunny-Garden-42", "name": "Robin Test", "country": "GB",
            "phone": "+44 7700 900789", "emergency_contact": CONTACT}
    bad = requests.post(f"{stack.api_url}/auth/signup", json={**body, "phone": "none"}, timeout=30)
    assert bad.status_code == 400 and bad.json()["field"] == "phone"
    assert requests.post(f"{stack.api_url}/auth/signup", json=body, timeout=30).status_code == 201
    code = re.search(r"\b(\d{6})\b", wait_for_mail(stack, email, "verification code").text).group(1)
    assert requests.post(f"{stack.api_url}/auth/confirm", json={"email": email, "code": code},
                         timeout=30).status_code == 200
    signed_in = requests.post(f"{stack.api_url}/auth/signin",
                              json={"email": email, "password": "Sunny-Garden-42"}, timeout=30).json()
    assert (signed_in["user"]["phone"], signed_in["user"]["emergency_contact"]) == ("+44 7700 900789", CONTACT)
