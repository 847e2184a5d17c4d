#!/usr/bin/env python3
"""Booking latency and the slot race on a fresh local stack; prints the figures.

    python benchmarks/booking_race.py [--racers 50] [--rounds 5] [--sequential 30]

Starts `emotecare up` on free ports, makes users, then measures (1) sequential booking
latency (POST /bookings, distinct slots) and (2) `--rounds` races of `--racers` patients
for one slot: how many won (must be 1), how long the burst took.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from threading import Barrier

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support.accounts import make_user  # noqa: E402
from tests.support.scheduling import approved_therapist, book, free_slots  # noqa: E402
from tests.support.stack import StackProcess  # noqa: E402


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--racers", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sequential", type=int, default=30)
    args = parser.parse_args()
    stack = StackProcess(Path(tempfile.mkdtemp()) / "data").start()
    try:
        admin = make_user(stack, "admin")
        with ThreadPoolExecutor(8) as pool:
            patients = list(pool.map(lambda _: make_user(stack, "patient"), range(args.racers)))
        therapist = approved_therapist(stack, admin)
        slots = free_slots(patients[0], therapist.user_id, days=5)
        latencies = []
        for patient, slot in zip(patients * 2, slots[24:24 + args.sequential]):
            began = time.perf_counter()
            assert book(patient, therapist.user_id, slot["starts_at"]).status_code == 201
            latencies.append((time.perf_counter() - began) * 1000)
        print(f"sequential POST /bookings: n={len(latencies)} "
              f"median={statistics.median(latencies):.0f} ms "
              f"p95={_percentile(latencies, 0.95):.0f} ms max={max(latencies):.0f} ms")
        for round_ in range(args.rounds):
            racer_therapist = approved_therapist(stack, admin)
            slot = free_slots(patients[0], racer_therapist.user_id, days=3)[30]["starts_at"]
            barrier = Barrier(len(patients))

            def race(patient, _slot=slot, _tid=racer_therapist.user_id):
                barrier.wait()
                return book(patient, _tid, _slot).status_code

            began = time.perf_counter()
            with ThreadPoolExecutor(len(patients)) as pool:
                statuses = Counter(pool.map(race, patients))
            elapsed = time.perf_counter() - began
            print(f"race {round_ + 1}: {len(patients)} concurrent requests for one slot → "
                  f"{dict(sorted(statuses.items()))} in {elapsed:.2f} s")
    finally:
        stack.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
