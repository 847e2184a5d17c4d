"""Upload grants: a presigned S3 POST for exactly one batch key, short-lived and size-capped.

S3 enforces the POST policy in production (exact key, content type, length range,
expiry). moto does not, and the inference function must not trust a key either way: each
grant is recorded (`UploadGrant`: patient, session, valid until) under the grant id that
ends its key, and the function analyses only objects whose grant exists, matches the key
and was still valid when the object was written (`inference.py`). It checks size and
format again too.
"""
from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone

from emotecare.clock import epoch_s, iso_seconds
from emotecare.accounts.tokens import Principal
from emotecare.db.grants import UploadGrant
from emotecare.errors import ForbiddenError, NotFoundError
from emotecare.pipeline.batch_format import CONTENT_TYPE, MAX_BATCH_BYTES
from emotecare.pipeline.keys import new_batch_key
from emotecare.sessions.lifecycle import load_session_for, part_of

MAX_GRANT_EXPIRY_S = 300
GRANT_RECORD_KEEP = timedelta(days=2)  # as long as the frame-batch ledger: covers redeliveries


class FrameUploads:
    """Issues frame-batch upload grants on one bucket (handed its S3 client)."""

    def __init__(self, s3, bucket: str, expiry_s: int):
        self._s3, self._bucket = s3, bucket
        self._expiry_s = max(1, min(int(expiry_s), MAX_GRANT_EXPIRY_S))

    def grant(self, user: Principal, session_id: str) -> dict:
        """A presigned POST for one batch of the caller's frames in `session_id`."""
        session = load_session_for(user, session_id)
        if part_of(user, session) not in ("patient", "invitee"):
            raise NotFoundError("no such session")  # only a person's own face is uploaded
        if session.state != "in_progress":
            raise ForbiddenError("frames can only be sent while the session is in progress")
        if not session.analysis_allowed_for(user.user_id):
            raise ForbiddenError("emotion analysis is off for this session: switch it on first")
        batch = new_batch_key(session.session_id, user.user_id)
        key = batch.key
        now = epoch_s()
        # Recorded before the client can have it, so its upload always finds it.
        UploadGrant(session.session_id, batch.batch_id, patient_id=user.user_id,
                    issued_at=iso_seconds(datetime.fromtimestamp(now, timezone.utc)),
                    valid_until=math.ceil(now) + self._expiry_s,
                    expires_at=datetime.fromtimestamp(now, timezone.utc) + GRANT_RECORD_KEEP).save()
        post = self._s3.generate_presigned_post(
            Bucket=self._bucket, Key=key,
            Fields={"Content-Type": CONTENT_TYPE},
            Conditions=[{"Content-Type": CONTENT_TYPE},
                        ["content-length-range", 1, MAX_BATCH_BYTES]],
            ExpiresIn=self._expiry_s,
        )
        return {"url": post["url"], "fields": post["fields"], "key": key,
                "expires_in": self._expiry_s, "max_bytes": MAX_BATCH_BYTES,
                "content_type": CONTENT_TYPE}
