"""The event wiring `chalice local` lacks: SQS queues and schedules driving handlers.

A `QueuePump` does what Lambda's SQS event source mapping does: receives batches, invokes
the handler with the real event shape, deletes what succeeded and leaves reported
failures on the queue, so SQS's redrive policy moves them to the dead-letter queue after
`maxReceiveCount` tries. A `Scheduler` fires scheduled handlers on their expressions.
"""
from __future__ import annotations

import json
import threading
import time
from datetime import datetime, timezone
from typing import Callable

from emotecare_dev.local.cron import schedule_matches, rate_seconds
from emotecare_dev.local.lambda_runtime import LocalLambdaContext, scheduled_event, sqs_event
from emotecare.log import get_logger

Handler = Callable[[dict, object], object]
logger = get_logger("local-stack")


def _is_s3_test_event(body: str) -> bool:
    try:
        return json.loads(body).get("Event") == "s3:TestEvent"
    except (ValueError, AttributeError):
        return False


class QueuePump(threading.Thread):
    """Feed one SQS queue to one handler, like an event source mapping with batch failures."""

    def __init__(self, name: str, sqs, queue_url: str, handler: Handler, region: str,
                 batch_size: int = 10, retry_delay_s: int = 1):
        super().__init__(name=f"pump-{name}", daemon=True)
        self.function_name = name
        self._sqs, self._queue_url, self._handler = sqs, queue_url, handler
        self._region, self._batch_size, self._retry_delay_s = region, batch_size, retry_delay_s
        self._queue_arn = sqs.get_queue_attributes(
            QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        self._stopping = threading.Event()
        self.last_poll = 0.0
        self.invocations = 0

    def stop(self) -> None:
        self._stopping.set()

    def healthy(self) -> bool:
        return self.is_alive() and time.monotonic() - self.last_poll < 30

    def run(self) -> None:
        while not self._stopping.is_set():
            try:
                self.poll_once(wait_s=1)
            except Exception:  # keep pumping: one broken batch must not stop the stack
                logger.exception("queue pump failed", extra={"queue": self._queue_url})
                time.sleep(1)

    def poll_once(self, wait_s: int = 0) -> int:
        """Receive one batch and hand it to the handler; return how many messages it held."""
        self.last_poll = time.monotonic()
        messages = self._sqs.receive_message(
            QueueUrl=self._queue_url, MaxNumberOfMessages=self._batch_size,
            WaitTimeSeconds=wait_s, AttributeNames=["All"], MessageAttributeNames=["All"],
        ).get("Messages", [])
        real = []
        for message in messages:
            if _is_s3_test_event(message["Body"]):
                self._delete_messages([message])
            else:
                real.append(message)
        if real:
            self._invoke(real)
        return len(real)

    def _invoke(self, messages: list[dict]) -> None:
        event = sqs_event(messages, self._queue_arn, self._region)
        self.invocations += 1
        try:
            response = self._handler(event, LocalLambdaContext(self.function_name)) or {}
            failed_ids = {f["itemIdentifier"] for f in response.get("batchItemFailures", [])}
        except Exception:
            logger.exception("handler raised; whole batch will be retried",
                             extra={"function": self.function_name})
            failed_ids = {m["MessageId"] for m in messages}
        self._delete_messages([m for m in messages if m["MessageId"] not in failed_ids])
        for message in messages:
            if message["MessageId"] in failed_ids:
                self._sqs.change_message_visibility(
                    QueueUrl=self._queue_url, ReceiptHandle=message["ReceiptHandle"],
                    VisibilityTimeout=self._retry_delay_s)

    def _delete_messages(self, messages: list[dict]) -> None:
        if messages:
            self._sqs.delete_message_batch(QueueUrl=self._queue_url, Entries=[
                {"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(messages)])


class Scheduler(threading.Thread):
    """Run scheduled handlers on `rate(...)` / `cron(...)` expressions, checked every few seconds."""

    def __init__(self, region: str, tick_s: float = 5.0):
        super().__init__(name="scheduler", daemon=True)
        self._region, self._tick_s = region, tick_s
        self._jobs: list[dict] = []
        self._stopping = threading.Event()
        self.last_tick = 0.0

    def add(self, name: str, expression: str, handler: Handler) -> None:
        self._jobs.append({"name": name, "expression": expression, "handler": handler,
                           "last_run": time.monotonic(), "last_minute": None})

    @property
    def jobs(self) -> list[str]:
        return [f"{job['name']}: {job['expression']}" for job in self._jobs]

    def stop(self) -> None:
        self._stopping.set()

    def healthy(self) -> bool:
        return self.is_alive() and time.monotonic() - self.last_tick < 30

    def run_now(self, name: str) -> object:
        job = next(j for j in self._jobs if j["name"] == name)
        return job["handler"](scheduled_event(name, self._region), LocalLambdaContext(name))

    def run(self) -> None:
        while not self._stopping.is_set():
            self.last_tick = time.monotonic()
            now = datetime.now(timezone.utc)
            for job in self._jobs:
                if self._due(job, now):
                    try:
                        self.run_now(job["name"])
                    except Exception:
                        logger.exception("scheduled function failed", extra={"job": job["name"]})
            self._stopping.wait(self._tick_s)

    @staticmethod
    def _due(job: dict, now: datetime) -> bool:
        seconds = rate_seconds(job["expression"])
        if seconds is not None:
            if time.monotonic() - job["last_run"] >= seconds:
                job["last_run"] = time.monotonic()
                return True
            return False
        minute = now.replace(second=0, microsecond=0)
        if job["last_minute"] != minute and schedule_matches(job["expression"], now):
            job["last_minute"] = minute
            return True
        return False
