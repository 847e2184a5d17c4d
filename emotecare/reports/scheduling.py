"""Fan the weekly compilation out: one queue message per patient, sent in pages.

The scheduled function only pages through patients (a GSI query) and enqueues; each
message is compiled by the report worker, so no single invocation grows with the number
of patients past Lambda's 15-minute limit, and one patient's failure is retried alone.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone

from emotecare import aws
from emotecare.db.models import User
from emotecare.reports.weeks import previous_week
from emotecare.settings import Settings

_SQS_BATCH = 10


def enqueue_weekly_reports(settings: Settings, week: str | None = None,
                           patient_ids: list[str] | None = None) -> int:
    """Queue one compilation job per patient for `week` (default: last week); return the count."""
    week = week or previous_week(datetime.now(timezone.utc))
    sqs = aws.client("sqs", settings)
    ids = patient_ids if patient_ids is not None else (
        user.user_id for user in User.by_role.query("patient", page_size=500))
    batch: list[dict] = []
    queued = 0
    for patient_id in ids:
        batch.append({"Id": str(len(batch)),
                      "MessageBody": json.dumps({"patient_id": patient_id, "week": week})})
        if len(batch) == _SQS_BATCH:
            queued += _send(sqs, settings.reports_queue_url, batch)
            batch = []
    if batch:
        queued += _send(sqs, settings.reports_queue_url, batch)
    return queued


def _send(sqs, queue_url: str, entries: list[dict]) -> int:
    response = sqs.send_message_batch(QueueUrl=queue_url, Entries=entries)
    if response.get("Failed"):
        raise RuntimeError(f"could not queue report jobs: {response['Failed']}")
    return len(entries)
