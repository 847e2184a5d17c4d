"""Names and intrinsic-function helpers shared by the template's modules.

Every physical name comes from `emotecare.resources` (the same functions the local stack
uses); account-scoped names are `Fn::Sub` strings with `${AWS::AccountId}` in them.
"""
from __future__ import annotations

from dataclasses import dataclass

from emotecare import resources
from emotecare.db import table_suffix
from infra.stages import Stage

ACCOUNT = "${AWS::AccountId}"


def sub(text: str) -> dict:
    return {"Fn::Sub": text}


def ref(logical_id: str) -> dict:
    return {"Ref": logical_id}


def arn(logical_id: str) -> dict:
    # Sub rather than GetAtt: Chalice's merge replaces only the Fn::Sub key (AWS-FACTS).
    return sub("${%s.Arn}" % logical_id)


def logical_id(*parts: str) -> str:
    """CloudFormation id from name parts: ("frames-dlq", "Queue") → "FramesDlqQueue"."""
    words = [w for part in parts for w in part.replace("_", "-").split("-") if w]
    return "".join(w[:1].upper() + w[1:] for w in words)


def table_id(model) -> str:
    return logical_id(table_suffix(model), "Table")


def queue_id(key: str) -> str:
    return logical_id(key, "Queue")


def bucket_id(key: str) -> str:
    return logical_id(key, "Bucket")


@dataclass(frozen=True)
class Names:
    """Physical names of one stage's resources."""

    stage: Stage

    @property
    def prefix(self) -> str:
        return resources.table_prefix(self.stage.name)  # "emotecare-<stage>"

    def table(self, model) -> str:
        return f"{resources.table_prefix(self.stage.name)}-{table_suffix(model)}"

    def queue(self, key: str) -> str:
        return resources.queue_name(self.stage.name, key)

    def bucket(self, key: str) -> dict:
        return sub(resources.bucket_name(self.stage.name, ACCOUNT, key))

    def bucket_arn(self, key: str) -> dict:
        return sub("arn:${AWS::Partition}:s3:::" + resources.bucket_name(self.stage.name, ACCOUNT, key))

    def function(self, name: str) -> str:
        return f"{self.prefix}-{name}"

    def repository(self) -> str:
        return f"{self.prefix}-inference"

    def user_pool(self) -> str:
        return resources.user_pool_name(self.stage.name)


def private_bucket_properties(bucket_name: str) -> dict:
    """A bucket nobody reaches publicly: public access blocked, encrypted, owner-enforced."""
    return {
        "BucketName": bucket_name,
        "PublicAccessBlockConfiguration": {
            "BlockPublicAcls": True, "IgnorePublicAcls": True,
            "BlockPublicPolicy": True, "RestrictPublicBuckets": True},
        "BucketEncryption": {"ServerSideEncryptionConfiguration": [
            {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]},
        "OwnershipControls": {"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]},
    }
