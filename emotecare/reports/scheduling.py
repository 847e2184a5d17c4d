"""Fan the weekly compilation out: one queue message per patient, sent in pages.

The scheduled function only pages through patients (a GSI query) and enqueues; each
message is compiled by the report worker, so no single invocation grows with the number
of patients past Lambda's 15-minute limit, and one patient's failure is retried alone.
`docs/reports.md` has the arithmetic for 100,000 patients.
"""
from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from itertools import islice
from typing import Iterable, Iterator

from emotecare import aws
from emotecare.db.models import User
from emotecare.reports.weeks import parse_week, previous_week
from emotecare.settings import Settings

_SQS_BATCH = 10  # SendMessageBatch's maximum
_PAGE = 500  # patients read per index query page
_SENDERS = 8  # SendMessageBatch calls in flight at once (boto3 clients are thread-safe)


def patient_ids() -> Iterator[str]:
    """Every patient's id, paged through the users table's `by-role` index."""
    for user in User.by_role.query("patient", page_size=_PAGE,
                                   attributes_to_get=["user_id", "role"]):
        yield user.user_id


def enqueue_weekly_reports(settings: Settings, week: str | None = None,
                           patient_ids_: Iterable[str] | None = None) -> int:
    """Queue one compilation job per patient for `week` (default: last week); return the count."""
    week = week or previous_week(datetime.now(timezone.utc))
    parse_week(week)
    sqs = aws.client("sqs", settings)
    ids = iter(patient_ids_ if patient_ids_ is not None else patient_ids())
    queued = 0
    with ThreadPoolExecutor(max_workers=_SENDERS) as pool:
        while True:
            # One page of batches at a time keeps memory flat however many patients there are.
            batches = [batch for batch in (list(islice(ids, _SQS_BATCH)) for _ in range(_PAGE // _SQS_BATCH))
                       if batch]
            if not batches:
                return queued
            queued += sum(pool.map(lambda b: _send(sqs, settings.reports_queue_url, week, b), batches))


def _send(sqs, queue_url: str, week: str, patient_batch: list[str]) -> int:
    entries = [{"Id": str(i), "MessageBody": json.dumps({"patient_id": pid, "week": week})}
               for i, pid in enumerate(patient_batch)]
    response = sqs.send_message_batch(QueueUrl=queue_url, Entries=entries)
    if response.get("Failed"):
        raise RuntimeError(f"could not queue report jobs: {response['Failed']}")
    return len(entries)
