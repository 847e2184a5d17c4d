"""What the platform is made of in AWS, declared once.

The local stack creates these on moto and `infra/` generates the CloudFormation template
from them, so names, keys, indexes, notifications and queues are never written twice.
Names derive from the stage (and, for globally unique bucket names, the account).
"""
from __future__ import annotations

from dataclasses import dataclass, field

FRAMES_PREFIX = "frames/"
FRAME_BATCH_SUFFIX = ".ecb"  # EmoteCare batch, see emotecare/pipeline/batch_format.py
USER_GROUPS = ("patient", "therapist", "admin")


@dataclass(frozen=True)
class QueueSpec:
    key: str
    visibility_timeout_s: int = 60
    retention_s: int = 4 * 24 * 3600
    dead_letter: str | None = None  # key of the dead-letter queue
    max_receive_count: int = 3


@dataclass(frozen=True)
class BucketSpec:
    key: str
    notify_queue: str | None = None  # key of the queue told about ObjectCreated
    notify_prefix: str = ""
    notify_suffix: str = ""
    expire_days: int | None = None
    browser_uploads: bool = False  # CORS for presigned POSTs from the front end

    def notification_filter_rules(self) -> list[dict[str, str]]:
        """S3 key filter of the ObjectCreated notification (same shape in boto3 and CloudFormation)."""
        rules = [("prefix", self.notify_prefix), ("suffix", self.notify_suffix)]
        return [{"Name": name, "Value": value} for name, value in rules if value]

    def upload_cors_rules(self, origin: str) -> list[dict]:
        """CORS rules letting only `origin` (the front end) upload with presigned POST/PUT."""
        return [{"AllowedOrigins": [origin], "AllowedMethods": ["POST", "PUT"],
                 "AllowedHeaders": ["*"], "MaxAgeSeconds": 300}]


@dataclass(frozen=True)
class UserPoolSpec:
    key: str = "users"
    groups: tuple[str, ...] = USER_GROUPS
    password_min_length: int = 10
    # Empty: Cognito sends no verification mail of its own. EmoteCare mails its own codes
    # through SES (emotecare/accounts/codes.py) so AWS and the local stack behave alike.
    auto_verified_attributes: tuple[str, ...] = ()
    auth_flows: tuple[str, ...] = ("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH",
                                   "ALLOW_USER_SRP_AUTH")


@dataclass(frozen=True)
class Platform:
    queues: tuple[QueueSpec, ...] = field(default_factory=tuple)
    buckets: tuple[BucketSpec, ...] = field(default_factory=tuple)
    user_pool: UserPoolSpec = UserPoolSpec()

    def queue(self, key: str) -> QueueSpec:
        return next(q for q in self.queues if q.key == key)

    def bucket(self, key: str) -> BucketSpec:
        return next(b for b in self.buckets if b.key == key)


PLATFORM = Platform(
    queues=(
        QueueSpec("frames-dlq", retention_s=14 * 24 * 3600),
        # Inference runs well under 60 s per batch; the visibility timeout must exceed the
        # Lambda timeout (AWS requires ≥ function timeout for event source mappings).
        QueueSpec("frames", visibility_timeout_s=60, dead_letter="frames-dlq", max_receive_count=3),
        QueueSpec("reports-dlq", retention_s=14 * 24 * 3600),
        QueueSpec("reports", visibility_timeout_s=900, dead_letter="reports-dlq", max_receive_count=3),
    ),
    buckets=(
        BucketSpec("frames", notify_queue="frames", notify_prefix=FRAMES_PREFIX,
                   notify_suffix=FRAME_BATCH_SUFFIX, expire_days=1, browser_uploads=True),
        BucketSpec("reports"),
    ),
)


def dead_letter_queues() -> set[str]:
    """Keys of the queues that only hold failed messages (no function consumes them)."""
    return {q.dead_letter for q in PLATFORM.queues if q.dead_letter}


def table_prefix(stage: str) -> str:
    return f"emotecare-{stage}"


def queue_name(stage: str, key: str) -> str:
    return f"emotecare-{stage}-{key}"


def bucket_name(stage: str, account_id: str, key: str) -> str:
    return f"emotecare-{stage}-{key}-{account_id}"


def user_pool_name(stage: str) -> str:
    return f"emotecare-{stage}-users"
