"""Tables of live sessions: WebRTC signalling, frame-batch outcomes, the feed's smoothing state."""
from __future__ import annotations

from pynamodb.attributes import (
    JSONAttribute,
    NumberAttribute,
    TTLAttribute,
    UnicodeAttribute,
    VersionAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model


class Signal(Model):
    """One WebRTC signalling message; `seq` = "<epoch ms, 13 digits>#<random>" sorts by time."""

    class Meta:
        table_name = "session-signals"

    session_id = UnicodeAttribute(hash_key=True)
    seq = UnicodeAttribute(range_key=True)
    sender_id = UnicodeAttribute()
    recipient_id = UnicodeAttribute(null=True)  # one participant (a mesh link); None: everyone
    type = UnicodeAttribute()  # offer | answer | candidate | bye
    payload = JSONAttribute(null=True)
    expires_at = TTLAttribute(null=True)


class _BatchesBySession(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-session"
        projection = AllProjection()

    session_id = UnicodeAttribute(hash_key=True)


class FrameBatch(Model):
    """What became of one uploaded batch, so a redelivery after the object is gone is answered.

    The frame object is deleted as soon as it is read; a second SQS delivery of its
    notification then finds nothing. This ledger tells a duplicate of a processed batch
    (acknowledge) from a retry of a rejected one (reject again, so it reaches the DLQ).
    """

    class Meta:
        table_name = "frame-batches"

    batch_key = UnicodeAttribute(hash_key=True)  # the S3 object key
    outcome = UnicodeAttribute()  # processed | rejected
    reason = UnicodeAttribute(null=True)
    code = UnicodeAttribute(null=True)
    frames = NumberAttribute(default=0)
    at = UnicodeAttribute()
    expires_at = TTLAttribute(null=True)
    # Lets an account deletion find the ledger of the patient's sessions (keys only carry it).
    session_id = UnicodeAttribute(null=True)
    by_session = _BatchesBySession()


class FeedState(Model):
    """The feed's running smoothing of one session: moving averages and distress episodes.

    Advanced by whoever reads the feed, with an optimistic lock (`version`) so two readers
    never double-count records.
    """

    class Meta:
        table_name = "feed-state"

    session_id = UnicodeAttribute(hash_key=True)
    through_key = UnicodeAttribute(default="")  # record_key of the last record folded in
    smoothed = JSONAttribute(default=dict)  # valence, face_share, probabilities, at_ms
    run_start_ms = NumberAttribute(null=True)  # when the current negative run began
    episodes = JSONAttribute(default=list)  # [{"start", "end"}] ISO times
    version = VersionAttribute()
