"""Approved therapists with open availability, and their free slots, for booking tests."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tests.support.accounts import TestUser, make_user

ALWAYS_OPEN = [{"weekday": d, "start": "00:00", "end": "24:00"} for d in range(1, 8)]
PROFILE = {"name": "Dr. Test", "bio": "Test therapist.", "credentials": "MSc Counselling",
           "licence_number": "LIC-0001", "jurisdiction": "UK", "years_experience": 5,
           "therapy_types": ["individual", "couple", "family"],
           "specialties": ["anxiety", "stress"], "languages": ["en"],
           "time_zone": "Europe/London", "price_per_session": 40}


def approved_therapist(stack, admin: TestUser, weekly=None, **profile) -> TestUser:
    """A therapist who filled in their profile and availability and was approved."""
    therapist = make_user(stack, "therapist")
    setup_therapist(therapist, weekly=weekly, **profile)
    response = admin.post(f"/admin/therapists/{therapist.user_id}/approve",
                          json={"licence_verified": True, "notes": "checked register"})
    assert response.status_code == 200, response.text
    return therapist


def setup_therapist(therapist: TestUser, weekly=None, **profile) -> None:
    response = therapist.put("/therapists/me", json={**PROFILE, **profile})
    assert response.status_code == 200, response.text
    response = therapist.put("/therapists/me/availability",
                             json={"weekly": ALWAYS_OPEN if weekly is None else weekly})
    assert response.status_code == 200, response.text


def free_slots(user: TestUser, therapist_id: str, days: int = 3, tz: str = "UTC",
               start: datetime | None = None) -> list[dict]:
    start = start or datetime.now(timezone.utc)
    response = user.get(f"/therapists/{therapist_id}/slots", params={
        "from": start.date().isoformat(), "to": (start + timedelta(days=days)).date().isoformat(),
        "tz": tz})
    assert response.status_code == 200, response.text
    return response.json()["slots"]


def slot_after(user: TestUser, therapist_id: str, hours: float) -> str:
    """The first free slot starting at least `hours` from now."""
    earliest = datetime.now(timezone.utc) + timedelta(hours=hours)
    slots = free_slots(user, therapist_id, days=int(hours // 24) + 3)
    return next(s["starts_at"] for s in slots if s["starts_at"] >= earliest.strftime(
        "%Y-%m-%dT%H:%M:%SZ"))


def book(patient: TestUser, therapist_id: str, starts_at: str, **extra):
    return patient.post("/bookings", json={"therapist_id": therapist_id, "starts_at": starts_at,
                                           "therapy_type": "individual", **extra})


def confirmed_booking(patient: TestUser, therapist: TestUser, hours: float = 30) -> dict:
    """A booking the therapist confirmed: it makes their care of the patient active."""
    response = book(patient, therapist.user_id, slot_after(patient, therapist.user_id, hours))
    assert response.status_code == 201, response.text
    confirmed = therapist.post(f"/bookings/{response.json()['booking_id']}/confirm")
    assert confirmed.status_code == 200, confirmed.text
    return confirmed.json()
