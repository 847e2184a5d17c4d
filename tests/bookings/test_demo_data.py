"""A newcomer signs in with the demo accounts the stack prints and books a session."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import requests

from emotecare_dev.local.seed import DEMO_USERS

pytestmark = pytest.mark.stack


def _sign_in(stack, email: str) -> dict:
    demo = next(u for u in DEMO_USERS if u.email == email)
    response = requests.post(f"{stack.api_url}/auth/signin", timeout=10,
                             json={"email": demo.email, "password": demo.password})
    assert response.status_code == 200, response.text
    return response.json()


def test_demo_patient_books_a_demo_therapist_who_confirms(stack):
    sam = _sign_in(stack, "sam@emotecare.example")
    rivera = _sign_in(stack, "dr.rivera@emotecare.example")
    assert sam["user"]["role"] == "patient"
    assert rivera["user"]["role"] == "therapist" and rivera["user"]["status"] == "approved"
    listed = requests.get(f"{stack.api_url}/therapists", timeout=10).json()["therapists"]
    names = {t["name"] for t in listed}
    assert {"Dr. Elena Rivera", "Dr. Chidi Okafor"} <= names and "Dr. Petra Novak" not in names

    sam_auth = {"Authorization": f"Bearer {sam['id_token']}"}
    start = datetime.now(timezone.utc) + timedelta(days=20)  # clear of other tests' bookings
    slots = requests.get(f"{stack.api_url}/therapists/{rivera['user']['user_id']}/slots",
                         params={"from": start.date().isoformat(),
                                 "to": (start + timedelta(days=6)).date().isoformat(),
                                 "tz": "Europe/London"}, timeout=10).json()["slots"]
    assert slots
    booked = requests.post(f"{stack.api_url}/bookings", headers=sam_auth, timeout=10, json={
        "therapist_id": rivera["user"]["user_id"], "starts_at": slots[-1]["starts_at"],
        "therapy_type": "individual", "message": "Looking forward to it"})
    assert booked.status_code == 201, booked.text
    confirmed = requests.post(
        f"{stack.api_url}/bookings/{booked.json()['booking_id']}/confirm", timeout=10,
        headers={"Authorization": f"Bearer {rivera['id_token']}"})
    assert confirmed.status_code == 200 and confirmed.json()["status"] == "confirmed"


def test_admin_finds_the_demo_therapist_awaiting_review(stack):
    admin = _sign_in(stack, "admin@emotecare.example")
    pending = requests.get(f"{stack.api_url}/admin/therapists", params={"status": "pending"},
                           headers={"Authorization": f"Bearer {admin['id_token']}"},
                           timeout=10).json()["therapists"]
    assert "Dr. Petra Novak" in [t["name"] for t in pending]


def test_demo_patient_is_in_dr_okafors_care_from_the_start(stack):
    """The README's story: Sam's messages and check-ins reach a therapist before any booking."""
    sam, okafor = _sign_in(stack, "sam@emotecare.example"), _sign_in(stack, "dr.okafor@emotecare.example")
    care = requests.get(f"{stack.api_url}/me/care", timeout=10,
                        headers={"Authorization": f"Bearer {sam['id_token']}"}).json()
    okafor_care = [c for c in care["relationships"] if c["therapist_name"] == "Dr. Chidi Okafor"]
    assert [c["state"] for c in okafor_care] == ["active"]
    assert [e["by_role"] for e in okafor_care[0]["history"]] == ["patient", "therapist"]
    plan = requests.get(f"{stack.api_url}/patients/{sam['user']['user_id']}/plan", timeout=10,
                        headers={"Authorization": f"Bearer {okafor['id_token']}"})
    assert plan.status_code == 200, plan.text
