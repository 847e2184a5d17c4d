#!/usr/bin/env python3
"""How the weekly report's cost grows: synthetic weeks on a private local stack.

Starts the local stack (moto over HTTP, no demo data) in this process, writes synthetic
patients whose week holds SIZES records each (plus journal entries, check-ins and a
safety event), compiles their reports exactly as the worker does, and prints records/s
and seconds per patient for each size, split into reading (key/index queries) and the
rest: "compute" is our own work on the loaded rows (statistics, the live feed's smoothing
for distress, charts, HTML), "compile" the whole job as the worker runs it (reads twice:
this week and last; S3; SES). It also times the fan-out (queueing jobs) to project
the scheduled run at 100,000 patients. Usage:

    python benchmarks/report_scaling.py [--patients 2] [--sizes 200 800 3200]

moto answers DynamoDB from Python, so absolute times are far slower than AWS's; the
growth with size is what this measures.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

WEEK = "2026-W47"
NOW = datetime(2026, 11, 30, 13, 0, tzinfo=timezone.utc)
LABELS = [("happy", 0.8), ("neutral", 0.0), ("sad", -0.6), ("fear", -0.5), ("angry", -0.7),
          ("surprise", 0.3), ("disgust", -0.6)]


def start_stack(data_dir: Path):
    from emotecare_dev.local.stack import LocalStack, StackOptions

    stack = LocalStack(StackOptions(aws_port=0, api_port=0, frontend_port=0, data_dir=data_dir,
                                    seed=False))
    return stack, stack.start()


def make_patient_week(records: int, rng: random.Random) -> str:
    """One patient whose W47 holds `records` frames over three sessions, plus wellbeing rows."""
    from emotecare.db.models import EmotionRecord, Session, User
    from emotecare.db.wellbeing import JournalEntry, QuestionnaireResponse, SafetyEvent
    from emotecare.weeks import to_utc_text

    pid = f"bench-{uuid.uuid4().hex[:10]}"
    User(pid, email=f"{pid}@bench.example", role="patient", name="Bench", time_zone="Europe/Berlin",
         created_at="2026-01-01T00:00:00Z").save()
    starts = [datetime(2026, 11, 16 + day, 16, 0, tzinfo=timezone.utc) for day in (1, 3, 5)]
    per_session = [records // 3 + (1 if i < records % 3 else 0) for i in range(3)]
    with EmotionRecord.batch_write() as writer:
        for index, (start, count) in enumerate(zip(starts, per_session)):
            session = Session(f"{pid}-s{index}", kind="self_reflect" if index == 2 else "therapy",
                              patient_id=pid, state="ended", created_at=to_utc_text(start),
                              started_at=to_utc_text(start), analysis_on=True)
            session.save()
            for frame in range(count):
                label, valence = rng.choice(LABELS)
                face = rng.random() < 0.9
                captured = to_utc_text(start + timedelta(seconds=frame))
                writer.save(EmotionRecord(
                    session.session_id, f"{captured}#{frame}#b", patient_id=pid,
                    captured_at=captured, face_found=face, dominant=label if face else None,
                    valence=valence if face else None, model_version="bench",
                    probabilities={label: 0.7} if face else None))
    for day in range(5):
        created = to_utc_text(datetime(2026, 11, 16 + day, 20, 0, tzinfo=timezone.utc))
        JournalEntry(pid, f"{created}#{day}", entry_id=str(day), created_at=created,
                     mood=rng.randint(1, 10)).save()
    for kind in ("phq9", "gad7"):
        QuestionnaireResponse(pid, f"{kind}#2026-11-18T10:00:00Z", kind=kind,
                              submitted_at="2026-11-18T10:00:00Z", answers=[], score=7,
                              band="mild").save()
    SafetyEvent(pid, "2026-11-19T10:00:00Z#e", event_id="e", occurred_at="2026-11-19T10:00:00Z",
                source="chat", category="self_harm").save()
    return pid


def empty_records_table() -> None:
    """Start each size on an empty records table.

    moto answers an index Query by walking every item of the table in Python, so records of
    earlier sizes would slow later ones; DynamoDB reads only the queried partition's items.
    """
    from emotecare.db.models import EmotionRecord

    EmotionRecord.delete_table()
    EmotionRecord.create_table(billing_mode="PAY_PER_REQUEST", wait=True)


def measure_size(settings, records: int, patients: int, rng: random.Random) -> dict:
    from emotecare.reports.compile import report_compiler
    from emotecare.reports.distress import smoothing_rules
    from emotecare.reports.render import render_report_html
    from emotecare.reports.sources import load_week
    from emotecare.reports.summary import summarise, week_over_week
    from emotecare.weeks import week_bounds_utc

    empty_records_table()
    started = time.perf_counter()
    ids = [make_patient_week(records, rng) for _ in range(patients)]
    write_s = time.perf_counter() - started
    start, end = week_bounds_utc(WEEK, "Europe/Berlin")
    read_s = compute_s = compile_s = 0.0
    compiler = report_compiler(settings)
    rules = smoothing_rules(settings)
    for pid in ids:
        t0 = time.perf_counter()
        rows = load_week(pid, start, end)
        read_s += time.perf_counter() - t0
        assert len(rows.records) == records
        t0 = time.perf_counter()  # our own work on the rows: statistics, smoothing, charts, HTML
        summary = summarise(rows, pid, "Europe/Berlin", WEEK, complete=True, now=NOW, rules=rules)
        summary["deltas"] = week_over_week(summary, None, "2026-W46")
        render_report_html(summary, "Bench")
        compute_s += time.perf_counter() - t0
        t0 = time.perf_counter()
        report = compiler.compile(pid, WEEK, now=NOW)
        compile_s += time.perf_counter() - t0
        assert report.summary["emotions"]["frames"] == records
    total = records * patients
    return {"records": records, "patients": patients, "write_rps": total / write_s,
            "read_s": read_s / patients, "compute_s": compute_s / patients,
            "compile_s": compile_s / patients,
            "compile_rps": total / compile_s}


def measure_fanout(settings, count: int) -> float:
    """Seconds to queue `count` jobs (to a scratch queue, so nothing compiles them)."""
    from emotecare import aws
    from emotecare.reports.scheduling import queue_compile_jobs

    sqs = aws.client("sqs", settings)
    url = sqs.create_queue(QueueName=f"bench-fanout-{uuid.uuid4().hex[:6]}")["QueueUrl"]
    ids = [f"p{i}" for i in range(count)]
    t0 = time.perf_counter()
    queued = queue_compile_jobs(replace(settings, reports_queue_url=url), WEEK, ids)
    elapsed = time.perf_counter() - t0
    assert queued == count
    sqs.delete_queue(QueueUrl=url)
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=2, help="patients per size")
    # moto walks the whole table for every index Query page, so much larger sizes time out
    # on a busy machine (botocore's 60 s read timeout); DynamoDB has no such limit.
    parser.add_argument("--sizes", type=int, nargs=3, default=[200, 800, 3200],
                        help="records per patient-week (1 per second of analysed video)")
    parser.add_argument("--fanout", type=int, default=2000, help="jobs queued to time the fan-out")
    args = parser.parse_args(argv)
    rng = random.Random(47)
    from emotecare.log import get_logger

    for service in ("reports", "notifications", "local-stack"):
        get_logger(service).setLevel("WARNING")  # one line per compiled report is noise here
    with tempfile.TemporaryDirectory() as data_dir:
        stack, settings = start_stack(Path(data_dir))
        try:
            print(f"{'records/patient':>15} {'write rec/s':>11} {'read s/pt':>9} "
                  f"{'compute s/pt':>12} {'compile s/pt':>12} {'compile rec/s':>13}")
            results = []
            for size in args.sizes:
                r = measure_size(settings, size, args.patients, rng)
                results.append(r)
                print(f"{r['records']:>15} {r['write_rps']:>11.0f} {r['read_s']:>9.2f} "
                      f"{r['compute_s']:>12.3f} {r['compile_s']:>12.2f} "
                      f"{r['compile_rps']:>13.0f}", flush=True)
            small, large = results[0], results[-1]
            growth = (large["compile_s"] - small["compile_s"]) / (large["records"] - small["records"])
            print(f"marginal cost: {growth * 1000:.2f} ms per record; fixed cost ≈ "
                  f"{small['compile_s'] - growth * small['records']:.2f} s per patient")
            fanout_s = measure_fanout(settings, args.fanout)
            from emotecare.reports.scheduling import FANOUT_CHUNK

            print(f"fan-out: {args.fanout} jobs queued in {fanout_s:.2f} s "
                  f"({args.fanout / fanout_s:.0f} jobs/s) → one fan-out job of {FANOUT_CHUNK} "
                  f"patients ≈ {FANOUT_CHUNK / args.fanout * fanout_s:.0f} s; 100,000 patients "
                  f"= {-(-100_000 // FANOUT_CHUNK)} chained fan-out jobs")
        finally:
            stack.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
