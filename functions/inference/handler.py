"""Inference Lambda entry point (container image; CMD "functions.inference.handler.handler").

Each SQS message carries one S3 ObjectCreated notification for a frame batch. Messages are
processed one by one with Powertools' `BatchProcessor`: a rejected batch is reported as a
partial failure (so SQS retries it and, after maxReceiveCount, dead-letters it) while the
other messages of the same receive are acknowledged.
"""
from __future__ import annotations

import functools
import json
from urllib.parse import unquote_plus

from aws_lambda_powertools.metrics import MetricUnit, single_metric
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes import S3Event

from emotecare import aws
from emotecare.db import bind_models
from emotecare.errors import BatchRejectedError
from emotecare.log import get_logger
from emotecare.pipeline.analyzer import get_analyzer
from emotecare.pipeline.inference import FrameBatchReader
from emotecare.settings import get_settings

METRICS_NAMESPACE = "EmoteCare"
logger = get_logger("inference")


@functools.lru_cache(maxsize=1)
def _reader() -> FrameBatchReader:
    settings = get_settings()
    bind_models(settings)
    return FrameBatchReader(aws.client("s3", settings), settings.frames_bucket,
                            lambda: get_analyzer(settings.model_dir))


def process_message(record) -> None:
    """Handle one SQS message: the S3 notification(s) of uploaded frame batches."""
    notification = S3Event(json.loads(record.body))
    if "Records" not in notification:  # the s3:TestEvent S3 sends when notifications are set up
        return
    for s3_record in notification.records:
        s3_object = s3_record.s3.get_object
        key = unquote_plus(s3_object.key)  # S3 sends keys quote_plus-encoded
        try:
            outcome = _reader().process(key, s3_object.get("size"))
        except BatchRejectedError as exc:
            code = getattr(exc, "code", "rejected")
            logger.warning("frame batch rejected", extra={"key": key, "reason": str(exc),
                                                          "code": code})
            _count("FrameBatchRejected", 1, reason=code)
            raise
        logger.info("frame batch processed", extra={
            "key": key, "session": outcome.session_id, "frames": outcome.frames,
            "faces": outcome.faces, "duplicate": outcome.duplicate,
            "inference_ms_per_frame": round(outcome.inference_ms / max(outcome.frames, 1), 2),
            "handler_ms": outcome.handler_ms, "handler_cpu_ms": outcome.handler_cpu_ms})
        if not outcome.duplicate:
            _count("FramesAnalysed", outcome.frames)


def handler(event, context):
    # A processor per invocation: it holds the invocation's results (the local stack runs
    # several invocations at once). Every failure is reported as a batch item failure, even
    # when all messages fail (Powertools would otherwise raise, failing the whole receive).
    processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)
    return process_partial_response(event=event, record_handler=process_message,
                                    processor=processor, context=context)


def _count(name: str, value: float, **dimensions: str) -> None:
    with single_metric(name=name, unit=MetricUnit.Count, value=value,
                       namespace=METRICS_NAMESPACE) as metric:
        for key, dimension in dimensions.items():
            metric.add_dimension(name=key, value=dimension)
