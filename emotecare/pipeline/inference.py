"""Read one uploaded frame batch, delete it, analyse its frames and store one record per frame.

Order matters for privacy: the key, its upload grant and the session's consent are checked
before the object is read (a batch without a matching grant, or of a session without
consent, is deleted unread; one written after its grant expired is deleted before its body
is read), and the object is
deleted right after it is read, whatever happens next. A rejected batch raises
`BatchRejectedError` so the message is retried and then dead-lettered; the `FrameBatch`
ledger answers retries and duplicate deliveries once the object is gone.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import timedelta

from botocore.exceptions import ClientError

from emotecare.clock import epoch_ms, iso, iso_from_ms, utc_now
from emotecare.db.grants import UploadGrant
from emotecare.db.live import FrameBatch
from emotecare.db.models import EmotionRecord, Session
from emotecare.errors import BatchRejectedError
from emotecare.pipeline.analyzer import FrameAnalyzer, FrameResult, UndecodableFrameError
from emotecare.pipeline.batch_format import MAX_BATCH_BYTES, decode_batch
from emotecare.pipeline.keys import BatchKey, parse_batch_key
from emotecare.pipeline.valence import dominant_of, valence_of

LEDGER_KEEP = timedelta(days=2)  # longer than the queue's retries; S3 expires objects in 1 day
# S3's LastModified is when the upload finished; a batch (<= 2 MB) that started inside its
# grant's lifetime (which S3 enforces on AWS) may finish a little after it.
UPLOAD_GRACE_S = 30


class RejectedBatch(BatchRejectedError):
    """A batch refused for `code` (oversized, no_consent, missing, undecodable, …)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class BatchOutcome:
    key: str
    session_id: str
    frames: int
    faces: int
    duplicate: bool = False
    inference_ms: float = 0.0  # decode + detect + classify, summed over the frames
    handler_ms: float = 0.0  # the whole batch: checks, S3 read + delete, analysis, writes
    handler_cpu_ms: float = 0.0  # CPU time of the same (wall minus waiting for I/O or a core)


class FrameBatchReader:
    """Processes batches from one bucket (handed its S3 client and an analyzer factory)."""

    def __init__(self, s3, bucket: str, analyzer_factory):
        self._s3, self._bucket, self._analyzer_factory = s3, bucket, analyzer_factory

    def process(self, key: str, notified_size: int | None = None) -> BatchOutcome:
        """Process the batch at `key`; raise `BatchRejectedError` (with `.code`) to reject it."""
        started, cpu_started = time.perf_counter(), time.thread_time()
        try:
            batch = parse_batch_key(key)
            duplicate = self._duplicate_of_processed(key, batch)
            if duplicate is not None:
                return duplicate
            grant = _grant_for(batch)
            self._check_session(batch)
            if notified_size is not None and notified_size > MAX_BATCH_BYTES:
                raise RejectedBatch("oversized", f"batch is {notified_size} bytes, over the cap")
            # A broken model must fail before the object is read (and deleted), not after.
            analyzer: FrameAnalyzer = self._analyzer_factory()
            data = self._read_and_delete(key, grant)
            if data is None:
                return self._redelivered(key, batch)
            frames = decode_batch(data)
            outcome = self._analyse_and_store(analyzer, batch, key, frames)
        except BatchRejectedError as exc:
            self._delete(key)  # unread when rejected before reading; idempotent otherwise
            self._remember(key, "rejected", reason=str(exc), code=_code(exc))
            raise
        self._remember(key, "processed", frames=outcome.frames)
        return replace(outcome, handler_ms=round((time.perf_counter() - started) * 1000, 2),
                       handler_cpu_ms=round((time.thread_time() - cpu_started) * 1000, 2))

    def _check_session(self, batch: BatchKey) -> None:
        try:
            session = Session.get(batch.session_id, consistent_read=True)  # consent just revoked counts
        except Session.DoesNotExist:
            session = None
        if session is None:
            raise RejectedBatch("no_session", "no such session for this patient")
        # Per person: the key's owner must have their own switch on now (an invitee is
        # covered by nobody else's consent; only a participant can have switched it on).
        if not session.analysis_allowed_for(batch.patient_id):
            raise RejectedBatch("no_consent", "session not in progress or this person's analysis is off")

    def _read_and_delete(self, key: str, grant: UploadGrant) -> bytes | None:
        try:
            response = self._s3.get_object(Bucket=self._bucket, Key=key)
        except ClientError as exc:
            if exc.response["Error"]["Code"] in ("NoSuchKey", "404"):
                return None
            raise
        written = response["LastModified"].timestamp()
        if written > grant.valid_until + UPLOAD_GRACE_S:
            response["Body"].close()  # unread
            raise RejectedBatch("grant_expired", f"written {written - grant.valid_until:.0f} s "
                                                 "after its upload grant expired")
        if response["ContentLength"] > MAX_BATCH_BYTES:
            response["Body"].close()
            raise RejectedBatch("oversized", f"batch is {response['ContentLength']} bytes, over the cap")
        try:
            return response["Body"].read(MAX_BATCH_BYTES + 1)
        finally:
            self._delete(key)

    def _duplicate_of_processed(self, key: str, batch: BatchKey) -> BatchOutcome | None:
        """A redelivery of a batch already processed and deleted (even if the session is over)."""
        ledger = _ledger_entry(key)
        if ledger is None or ledger.outcome != "processed" or self._exists(key):
            return None  # never seen, rejected before, or uploaded again under its key
        return BatchOutcome(key, batch.session_id, int(ledger.frames), 0, duplicate=True)

    def _redelivered(self, key: str, batch: BatchKey) -> BatchOutcome:
        ledger = _ledger_entry(key)
        if ledger is None:
            raise RejectedBatch("missing", "batch object is gone and was never processed")
        if ledger.outcome == "processed":  # processed between our two looks
            return BatchOutcome(key, batch.session_id, int(ledger.frames), 0, duplicate=True)
        raise RejectedBatch(ledger.code or "rejected", f"{ledger.reason} (retry of a rejected batch)")

    def _exists(self, key: str) -> bool:
        try:
            self._s3.head_object(Bucket=self._bucket, Key=key)
            return True
        except ClientError as exc:
            if exc.response["Error"]["Code"] in ("404", "NoSuchKey", "NotFound"):
                return False
            raise

    def _analyse_and_store(self, analyzer: FrameAnalyzer, batch: BatchKey, key: str,
                           frames) -> BatchOutcome:
        decoded = []
        for index, frame in enumerate(frames):  # a frame that does not decode rejects the batch
            try:                                # before any of its records is written
                decoded.append(analyzer.decode(frame.jpeg))
            except UndecodableFrameError as exc:
                raise RejectedBatch("undecodable", f"frame {index}: {exc}") from exc
        faces, spent_ms = 0, 0.0
        for index, (frame, image) in enumerate(zip(frames, decoded)):
            started = time.perf_counter()
            result = analyzer.analyze(image)
            elapsed = image.decode_ms + (time.perf_counter() - started) * 1000
            spent_ms, faces = spent_ms + elapsed, faces + result.face_found
            # Written one by one in capture order: the oldest frame, which waited longest for
            # its batch to leave, reaches the feed without waiting for the rest. Deterministic
            # keys, so a redelivered batch overwrites rather than duplicates.
            _record(batch, index, frame.captured_at_ms, result, elapsed, analyzer.model_version).save()
        return BatchOutcome(key, batch.session_id, len(frames), faces, inference_ms=spent_ms)

    def _delete(self, key: str) -> None:
        self._s3.delete_object(Bucket=self._bucket, Key=key)

    def _remember(self, key: str, outcome: str, **details) -> None:
        try:
            session_id = parse_batch_key(key).session_id  # indexed for account deletion
        except BatchRejectedError:
            session_id = None
        FrameBatch(key, outcome=outcome, at=iso(utc_now()), session_id=session_id,
                   expires_at=utc_now() + LEDGER_KEEP, **details).save()


def _grant_for(batch: BatchKey) -> UploadGrant:
    """The grant this key names, issued to the key's patient for the key's session."""
    try:
        grant = UploadGrant.get(batch.session_id, batch.batch_id, consistent_read=True)
    except UploadGrant.DoesNotExist:
        raise RejectedBatch("no_grant", "no upload grant was issued for this key") from None
    if grant.patient_id != batch.patient_id:
        raise RejectedBatch("grant_mismatch", "the upload grant was issued to another patient")
    return grant


def _ledger_entry(key: str) -> FrameBatch | None:
    try:
        return FrameBatch.get(key, consistent_read=True)
    except FrameBatch.DoesNotExist:
        return None


def record_key(captured_at: str, index: int, batch_id: str) -> str:
    """The record's sort key: capture order first, then unique and stable per batch frame."""
    return f"{captured_at}#{index:02d}#{batch_id}"


def _record(batch: BatchKey, index: int, captured_at_ms: int, result: FrameResult,
            elapsed_ms: float, model_version: str) -> EmotionRecord:
    captured_at = iso_from_ms(captured_at_ms)
    record = EmotionRecord(
        batch.session_id, record_key(captured_at, index, batch.batch_id),
        patient_id=batch.patient_id, captured_at=captured_at, face_found=result.face_found,
        model_version=model_version,
        latency_ms={**result.latency_ms, "total": round(elapsed_ms, 2),
                    "capture_to_stored": max(0, epoch_ms() - captured_at_ms)})
    if result.face_found and result.probabilities:
        record.face_box = list(result.box)
        record.probabilities = {k: round(v, 5) for k, v in result.probabilities.items()}
        record.dominant = dominant_of(result.probabilities)[0]
        record.valence = round(valence_of(result.probabilities), 4)
    return record


def _code(exc: BaseException) -> str:
    return getattr(exc, "code", None) or "rejected"
