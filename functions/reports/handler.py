"""Report worker entry point (container image; CMD "functions.reports.handler.handler").

A separate function from the Chalice API because its charts need matplotlib and numpy,
whose current wheels require glibc ≥ 2.27: the API's zip (python3.11 runtime, glibc 2.26)
cannot carry them, the python3.12 image can. Fed by the reports queue: each message is a
fan-out chunk or one patient's week; failures are reported per message so SQS retries
only those (the event source mapping needs `ReportBatchItemFailures`).
"""
from __future__ import annotations

import json

from emotecare.db import bind_models
from emotecare.log import get_logger
from emotecare.reports.scheduling import run_report_job
from emotecare.settings import get_settings

logger = get_logger("report-worker")
# Stop starting new jobs when less than this is left of the invocation (one compilation
# takes 0.1–3 s, see docs/reports.md); the rest are handed back and SQS redelivers them.
_RESERVE_MS = 20_000


def handler(event: dict, context) -> dict:
    """Run each queued job; return the ids of the messages that failed or were not started."""
    settings = get_settings()
    bind_models(settings)
    failures = []
    for record in event["Records"]:
        message_id = record["messageId"]
        if context is not None and context.get_remaining_time_in_millis() < _RESERVE_MS:
            logger.warning("no time left; handing the job back", extra={"message_id": message_id})
            failures.append({"itemIdentifier": message_id})
            continue
        try:
            run_report_job(settings, json.loads(record["body"]))
        except Exception:  # one patient's failure must not stop the batch; SQS retries it
            logger.exception("report job failed", extra={"message_id": message_id,
                                                          "body": record["body"][:200]})
            failures.append({"itemIdentifier": message_id})
    return {"batchItemFailures": failures}
