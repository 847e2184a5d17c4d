"""Where frame batches live in the frames bucket: `frames/{session}/{patient}/{batch}.ecb`.

The grant hands out exactly one such key; the inference function parses it back and
refuses anything else, because moto (and a leaked or replayed grant) would let any key in.
The prefix and suffix are the ones the bucket's S3 → SQS notification filters on.
"""
from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from emotecare.errors import BatchRejectedError
from emotecare.resources import FRAME_BATCH_SUFFIX, FRAMES_PREFIX

# Ids are Cognito subs and our own uuids: letters, digits and dashes only.
_ID = r"[A-Za-z0-9-]{1,64}"
_KEY = re.compile(rf"^{re.escape(FRAMES_PREFIX)}(?P<session>{_ID})/(?P<patient>{_ID})/"
                  rf"(?P<batch>[a-f0-9]{{32}}){re.escape(FRAME_BATCH_SUFFIX)}$")


class BadBatchKeyError(BatchRejectedError):
    """An object key outside the layout the grants hand out."""

    code = "wrong_key"


@dataclass(frozen=True)
class BatchKey:
    session_id: str
    patient_id: str
    batch_id: str

    @property
    def key(self) -> str:
        return f"{FRAMES_PREFIX}{self.session_id}/{self.patient_id}/{self.batch_id}{FRAME_BATCH_SUFFIX}"


def new_batch_key(session_id: str, patient_id: str) -> BatchKey:
    """A fresh key for one batch of `patient_id` in `session_id`."""
    key = BatchKey(session_id, patient_id, uuid.uuid4().hex)
    parse_batch_key(key.key)  # ids that would not parse back must never be granted
    return key


def parse_batch_key(key: str) -> BatchKey:
    """The parts of a batch key, or `BadBatchKeyError` for any other key."""
    match = _KEY.match(key)
    if not match:
        raise BadBatchKeyError(f"object key {key[:200]!r} is not frames/<session>/<patient>/<batch>.ecb")
    return BatchKey(match["session"], match["patient"], match["batch"])
