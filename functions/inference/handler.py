"""Inference Lambda entry point (container image; CMD "functions.inference.handler.handler").

Walking skeleton: records which frame batches reached it through S3 → SQS. The frame
pipeline replaces the body of `process_batch` with decode → detect → classify → store.
"""
from __future__ import annotations

import json
from urllib.parse import unquote_plus

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response

from emotecare.log import get_logger

logger = get_logger("inference")
_processor = BatchProcessor(event_type=EventType.SQS)


def process_batch(record) -> None:
    """Handle one SQS message: one S3 ObjectCreated notification for a frame batch."""
    for s3_record in json.loads(record.body).get("Records", []):
        key = unquote_plus(s3_record["s3"]["object"]["key"])
        logger.info("frame batch received", extra={
            "bucket": s3_record["s3"]["bucket"]["name"], "key": key,
            "event": s3_record.get("eventName")})


def handler(event, context):
    return process_partial_response(event=event, record_handler=process_batch,
                                    processor=_processor, context=context)
