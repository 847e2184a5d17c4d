"""Fan the weekly compilation out through the reports queue, in chunks that chain.

The scheduled function only queues one *fan-out* job. The report worker runs it: it
pages through up to FANOUT_CHUNK patients on the users table's `by-role` index, queues
one compilation job per patient, and queues the next fan-out job with the index cursor.
No invocation's work grows with the number of patients, so none nears Lambda's 15-minute
limit, and one patient's failure is retried alone. `docs/reports.md` has the arithmetic.
"""
from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from itertools import islice
from typing import Iterable

from emotecare.clock import utc_now
from emotecare import aws
from emotecare.db.models import User
from emotecare.weeks import parse_week, previous_week
from emotecare.settings import Settings

# Patients queued per fan-out job: ~1 s on SQS, and under 75 s even at the slowest rate
# measured on moto (14 jobs/s on a loaded machine, docs/reports.md).
FANOUT_CHUNK = 1_000
_SQS_BATCH = 10  # SendMessageBatch's maximum
_PAGE = 500  # patients read per index query page
_SENDERS = 8  # SendMessageBatch calls in flight at once (boto3 clients are thread-safe)


def patients_page(after: dict | None, limit: int | None = None) -> tuple[list[str], dict | None]:
    """Up to `limit` (default FANOUT_CHUNK) patient ids after cursor `after`, and the cursor."""
    limit = limit or FANOUT_CHUNK
    results = User.by_role.query("patient", page_size=min(_PAGE, limit), limit=limit,
                                 last_evaluated_key=after, attributes_to_get=["user_id", "role"])
    ids = [user.user_id for user in results]
    return ids, results.last_evaluated_key if ids else None


def queue_compile_jobs(settings: Settings, week: str, patient_ids: Iterable[str]) -> int:
    """Queue one compilation job per patient for `week`; return how many were queued."""
    sqs = aws.client("sqs", settings)
    ids = iter(patient_ids)
    batches = iter(lambda: list(islice(ids, _SQS_BATCH)), [])
    with ThreadPoolExecutor(max_workers=_SENDERS) as pool:
        return sum(pool.map(lambda batch: _send(sqs, settings.reports_queue_url, [
            {"patient_id": pid, "week": week} for pid in batch]), batches))


def start_weekly_fanout(settings: Settings, week: str | None = None) -> str:
    """Queue the first fan-out job of `week` (default: last week); return the week."""
    week = week or previous_week(utc_now())
    parse_week(week)
    _send(aws.client("sqs", settings), settings.reports_queue_url,
          [{"fanout": True, "week": week, "after": None}])
    return week


def fan_out_chunk(settings: Settings, week: str, after: dict | None) -> int:
    """Queue one chunk of patients' jobs and, if more remain, the fan-out job that follows."""
    ids, cursor = patients_page(after)
    queued = queue_compile_jobs(settings, week, ids)
    if cursor:
        _send(aws.client("sqs", settings), settings.reports_queue_url,
              [{"fanout": True, "week": week, "after": cursor}])
    return queued


def enqueue_weekly_reports(settings: Settings, week: str | None = None) -> int:
    """Queue every patient's job for `week` now, chunk after chunk (the CLI; no time limit)."""
    week = week or previous_week(utc_now())
    parse_week(week)
    queued, cursor = 0, None
    while True:
        ids, cursor = patients_page(cursor)
        queued += queue_compile_jobs(settings, week, ids)
        if not cursor:
            return queued


def _send(sqs, queue_url: str, bodies: list[dict]) -> int:
    entries = [{"Id": str(i), "MessageBody": json.dumps(body)} for i, body in enumerate(bodies)]
    response = sqs.send_message_batch(QueueUrl=queue_url, Entries=entries)
    if response.get("Failed"):
        raise RuntimeError(f"could not queue report jobs: {response['Failed']}")
    return len(entries)


def run_report_job(settings: Settings, job: dict) -> None:
    """Run one message of the reports queue: a fan-out chunk or one patient's compilation."""
    from emotecare.reports.compile import compile_weekly_report

    if job.get("fanout"):
        fan_out_chunk(settings, job["week"], job.get("after"))
    else:
        compile_weekly_report(job["patient_id"], job["week"], settings)
