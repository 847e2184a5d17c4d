"""No double booking, ever: 50 simultaneous requests for one slot at the running stack."""
from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest

from tests.support.accounts import make_user
from tests.support.scheduling import approved_therapist, book, slot_after

pytestmark = [pytest.mark.stack, pytest.mark.slow]
REQUESTS = 50


@pytest.fixture(scope="module")
def patients(stack):
    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(lambda _: make_user(stack, "patient"), range(REQUESTS)))


def _race(requests):
    barrier = Barrier(len(requests))

    def fire(request):
        barrier.wait()  # release every request at the same moment
        return request()

    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        return list(pool.map(fire, requests))


@pytest.mark.parametrize("round_", range(3))
def test_fifty_patients_racing_for_one_slot_yield_exactly_one_booking(stack, admin, patients,
                                                                      round_):
    therapist = approved_therapist(stack, admin)
    # A different hour each round: the same patients race again, and an earlier round's winner
    # must not meet their own booking (a legitimate 409 with another message).
    slot = slot_after(patients[0], therapist.user_id, hours=30 + 24 * round_)
    responses = _race([lambda p=p: book(p, therapist.user_id, slot) for p in patients])
    statuses = Counter(r.status_code for r in responses)
    assert statuses == {201: 1, 409: REQUESTS - 1}, statuses
    assert all(r.json()["error"] == "the therapist is already booked at that time"
               for r in responses if r.status_code == 409)
    winner = next(r.json() for r in responses if r.status_code == 201)
    seen = therapist.get("/bookings", params={"scope": "upcoming"}).json()["bookings"]
    assert [b["booking_id"] for b in seen] == [winner["booking_id"]]


def test_one_patient_racing_for_fifty_therapists_at_the_same_hour_gets_one(stack, admin,
                                                                           patients):
    therapists = [approved_therapist(stack, admin) for _ in range(10)]
    patient = patients[0]
    slot = slot_after(patient, therapists[0].user_id, hours=60)
    responses = _race([lambda t=t: book(patient, t.user_id, slot) for t in therapists] * 5)
    statuses = Counter(r.status_code for r in responses)
    assert statuses == {201: 1, 409: 49}, statuses
