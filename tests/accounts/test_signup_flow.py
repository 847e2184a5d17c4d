"""The real account flow over HTTP: sign-up → mailed code → confirm → sign-in → refresh → …"""
from __future__ import annotations

import re
import uuid

import pytest
import requests

from tests.support.mail import sent_mails, wait_for_mail

pytestmark = pytest.mark.stack
PASSWORD = "Sunny-Garden-42"


def _email(role: str) -> str:
    return f"{role}-{uuid.uuid4().hex[:8]}@signup.example"


def _post(stack, path: str, body: dict, token: str | None = None) -> requests.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.post(f"{stack.api_url}{path}", json=body, headers=headers, timeout=30)


def _code(mail) -> str:
    return re.search(r"\b(\d{6})\b", mail.text).group(1)


def _sign_up(stack, email: str, role: str = "patient") -> str:
    response = _post(stack, "/auth/signup", {"email": email, "password": PASSWORD,
                                             "name": "Robin Test", "role": role,
                                             "time_zone": "America/New_York", "country": "us"})
    assert response.status_code == 201, response.text
    assert response.json()["next"] == "confirm"
    return _code(wait_for_mail(stack, email, "verification code"))


def test_sign_up_confirm_sign_in_refresh_and_sign_out(stack):
    email = _email("patient")
    code = _sign_up(stack, email)
    assert f"local verify code for {email}: {code}" in stack.wait_for_log(email)

    before = _post(stack, "/auth/signin", {"email": email, "password": PASSWORD})
    assert before.status_code == 403 and "confirm" in before.json()["error"]
    assert _post(stack, "/auth/confirm", {"email": email, "code": code}).status_code == 200

    signed_in = _post(stack, "/auth/signin", {"email": email, "password": PASSWORD})
    assert signed_in.status_code == 200, signed_in.text
    session = signed_in.json()
    assert session["user"]["role"] == "patient" and session["user"]["status"] == "active"
    assert session["user"]["time_zone"] == "America/New_York"
    me = requests.get(f"{stack.api_url}/me", timeout=10,
                      headers={"Authorization": f"Bearer {session['id_token']}"})
    assert me.status_code == 200 and me.json()["email"] == email

    refreshed = _post(stack, "/auth/refresh", {"refresh_token": session["refresh_token"]})
    assert refreshed.status_code == 200 and refreshed.json()["id_token"]
    assert _post(stack, "/auth/signout", {}, token=refreshed.json()["id_token"]).status_code == 204
    revoked = _post(stack, "/auth/refresh", {"refresh_token": session["refresh_token"]})
    assert revoked.status_code == 401


def test_wrong_code_is_refused_and_the_code_is_single_use(stack):
    email = _email("patient")
    code = _sign_up(stack, email)
    wrong = "000000" if code != "000000" else "111111"
    response = _post(stack, "/auth/confirm", {"email": email, "code": wrong})
    assert response.status_code == 400 and response.json()["field"] == "code"
    assert response.json()["error"] == ("That code is not right. Check the newest email from us and "
                                        "type its 6 digits again.")  # words for people (issue 16)
    assert _post(stack, "/auth/confirm", {"email": email, "code": code}).status_code == 200
    again = _post(stack, "/auth/confirm", {"email": email, "code": code})
    assert again.status_code == 400


def test_code_locks_after_five_wrong_guesses(stack):
    email = _email("patient")
    code = _sign_up(stack, email)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        _post(stack, "/auth/confirm", {"email": email, "code": wrong})
    locked = _post(stack, "/auth/confirm", {"email": email, "code": code})
    assert locked.status_code == 400 and "too many" in locked.json()["error"].lower()


def test_duplicate_sign_up_is_409_and_weak_password_is_400(stack):
    email = _email("patient")
    _sign_up(stack, email)
    again = _post(stack, "/auth/signup", {"email": email, "password": PASSWORD, "name": "X"})
    assert again.status_code == 409
    weak = _post(stack, "/auth/signup", {"email": _email("p"), "password": "short",
                                         "name": "X"})
    assert weak.status_code == 400 and weak.json()["field"] == "password"


def test_nobody_can_sign_up_as_admin(stack):
    response = _post(stack, "/auth/signup", {"email": _email("a"), "password": PASSWORD,
                                             "name": "Eve", "role": "admin"})
    assert response.status_code == 400 and response.json()["field"] == "role"


def test_wrong_password_is_401(stack):
    email = _email("patient")
    _post(stack, "/auth/confirm", {"email": email, "code": _sign_up(stack, email)})
    response = _post(stack, "/auth/signin", {"email": email, "password": "Wrong-Pass-123"})
    assert response.status_code == 401


def test_forgot_and_reset_password(stack):
    email = _email("patient")
    _post(stack, "/auth/confirm", {"email": email, "code": _sign_up(stack, email)})
    old = _post(stack, "/auth/signin", {"email": email, "password": PASSWORD}).json()
    assert _post(stack, "/auth/password/forgot", {"email": email}).status_code == 202
    code = _code(wait_for_mail(stack, email, "Reset your EmoteCare password"))
    weak = _post(stack, "/auth/password/reset", {"email": email, "code": code, "password": "x"})
    assert weak.status_code == 400
    reset = _post(stack, "/auth/password/reset",
                  {"email": email, "code": code, "password": "Brand-New-Pass-7"})
    assert reset.status_code == 200, reset.text
    assert _post(stack, "/auth/signin", {"email": email, "password": PASSWORD}).status_code == 401
    assert _post(stack, "/auth/signin", {"email": email,
                                         "password": "Brand-New-Pass-7"}).status_code == 200
    # Resetting signs out everywhere: the old refresh token is dead.
    assert _post(stack, "/auth/refresh",
                 {"refresh_token": old["refresh_token"]}).status_code == 401


def test_forgot_password_for_unknown_email_answers_the_same(stack):
    response = _post(stack, "/auth/password/forgot", {"email": _email("nobody")})
    assert response.status_code == 202


def test_therapist_signs_up_pending_and_is_listed_only_after_approval(stack, admin):
    email = _email("therapist")
    code = _sign_up(stack, email, role="therapist")
    _post(stack, "/auth/confirm", {"email": email, "code": code})
    session = _post(stack, "/auth/signin", {"email": email, "password": PASSWORD}).json()
    assert session["user"]["role"] == "therapist" and session["user"]["status"] == "pending"
    token, therapist_id = session["id_token"], session["user"]["user_id"]
    headers = {"Authorization": f"Bearer {token}"}
    pending = admin.get("/admin/therapists", params={"status": "pending"}).json()["therapists"]
    assert therapist_id in [t["therapist_id"] for t in pending]

    incomplete = admin.post(f"/admin/therapists/{therapist_id}/approve",
                            json={"licence_verified": True})
    assert incomplete.status_code == 409 and "licence_number" in incomplete.json()["error"]
    requests.put(f"{stack.api_url}/therapists/me", headers=headers, timeout=10, json={
        "credentials": "MA Psychotherapy", "licence_number": "HCPC-PYL-1234",
        "jurisdiction": "UK", "therapy_types": ["individual"], "languages": ["en"],
        "specialties": ["grief"], "price_per_session": 50})
    assert therapist_id not in [t["therapist_id"] for t in
                                requests.get(f"{stack.api_url}/therapists",
                                             timeout=10).json()["therapists"]]
    unchecked = admin.post(f"/admin/therapists/{therapist_id}/approve",
                           json={"licence_verified": False})
    assert unchecked.status_code == 400 and unchecked.json()["field"] == "licence_verified"
    approved = admin.post(f"/admin/therapists/{therapist_id}/approve",
                          json={"licence_verified": True, "notes": "HCPC register checked"})
    assert approved.status_code == 200, approved.text
    record = approved.json()["approval"]
    assert record["licence_number"] == "HCPC-PYL-1234" and record["jurisdiction"] == "UK"
    assert record["by"] == admin.user_id and record["licence_verified"] is True
    listed = requests.get(f"{stack.api_url}/therapists", params={"specialty": "grief"},
                          timeout=10).json()["therapists"]
    assert therapist_id in [t["therapist_id"] for t in listed]
    assert all("licence_number" not in t for t in listed)


def test_admin_rejects_with_a_reason(stack, admin):
    email = _email("therapist")
    _post(stack, "/auth/confirm", {"email": email, "code": _sign_up(stack, email, "therapist")})
    therapist_id = _post(stack, "/auth/signin", {"email": email, "password": PASSWORD}).json()[
        "user"]["user_id"]
    assert admin.post(f"/admin/therapists/{therapist_id}/reject", json={}).status_code == 400
    rejected = admin.post(f"/admin/therapists/{therapist_id}/reject",
                          json={"reason": "licence not found in the register"})
    assert rejected.json()["status"] == "rejected"
    assert requests.get(f"{stack.api_url}/therapists/{therapist_id}", timeout=10).status_code == 404


def test_a_new_code_can_be_requested_and_replaces_the_old_one(stack):
    email = _email("patient")
    first = _sign_up(stack, email)
    assert _post(stack, "/auth/confirm/resend", {"email": email}).status_code == 202
    mails = [m for m in sent_mails(stack, email) if "verification code" in m.subject]
    assert len(mails) == 2
    second = _code(mails[-1])
    if first != second:
        assert _post(stack, "/auth/confirm", {"email": email, "code": first}).status_code == 400
    assert _post(stack, "/auth/confirm", {"email": email, "code": second}).status_code == 200
    _post(stack, "/auth/confirm/resend", {"email": email})
    assert len([m for m in sent_mails(stack, email) if "verification code" in m.subject]) == 2
