"""DynamoDB tables (from the PynamoDB models), SQS queues and the data buckets (from PLATFORM)."""
from __future__ import annotations

from emotecare.db.registry import all_models
from emotecare.db.schema import table_definition, ttl_attribute
from emotecare.resources import PLATFORM
from infra.cfn.common import (Names, arn, bucket_id, private_bucket_properties, queue_id, ref, sub,
                              table_id)

# Data outlives the stack: `infra/destroy` deletes it only when told to.
RETAIN = {"DeletionPolicy": "Retain", "UpdateReplacePolicy": "Retain"}


def tables(names: Names) -> dict:
    out = {}
    for model in all_models():
        definition = table_definition(model)
        properties = {
            "TableName": names.table(model),
            "BillingMode": "PAY_PER_REQUEST",
            "AttributeDefinitions": definition["AttributeDefinitions"],
            "KeySchema": definition["KeySchema"],
            "SSESpecification": {"SSEEnabled": True},
            "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True},
        }
        if definition["GlobalSecondaryIndexes"]:
            properties["GlobalSecondaryIndexes"] = definition["GlobalSecondaryIndexes"]
        ttl = ttl_attribute(model)
        if ttl:
            properties["TimeToLiveSpecification"] = {"AttributeName": ttl, "Enabled": True}
        out[table_id(model)] = {"Type": "AWS::DynamoDB::Table", **RETAIN, "Properties": properties}
    return out


def queues(names: Names) -> dict:
    out = {}
    for spec in PLATFORM.queues:
        properties = {
            "QueueName": names.queue(spec.key),
            "VisibilityTimeout": spec.visibility_timeout_s,
            "MessageRetentionPeriod": spec.retention_s,
            "SqsManagedSseEnabled": True,
        }
        if spec.dead_letter:
            properties["RedrivePolicy"] = {"deadLetterTargetArn": arn(queue_id(spec.dead_letter)),
                                           "maxReceiveCount": spec.max_receive_count}
        out[queue_id(spec.key)] = {"Type": "AWS::SQS::Queue", "Properties": properties}
    return out


def buckets(names: Names, frontend_origin: dict) -> dict:
    out = {}
    for spec in PLATFORM.buckets:
        properties = private_bucket_properties(names.bucket(spec.key))
        if spec.expire_days:
            properties["LifecycleConfiguration"] = {"Rules": [{
                "Id": "expire-unread", "Status": "Enabled", "ExpirationInDays": spec.expire_days,
                "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 1}}]}
        if spec.browser_uploads:
            properties["CorsConfiguration"] = {"CorsRules": [
                _cfn_cors(rule) for rule in spec.upload_cors_rules(frontend_origin)]}
        resource = {"Type": "AWS::S3::Bucket", **RETAIN, "Properties": properties}
        if spec.notify_queue:
            properties["NotificationConfiguration"] = {"QueueConfigurations": [{
                "Event": "s3:ObjectCreated:*",
                "Queue": arn(queue_id(spec.notify_queue)),
                "Filter": {"S3Key": {"Rules": spec.notification_filter_rules()}},
            }]}
            # S3 checks it may send to the queue when the notification is created.
            resource["DependsOn"] = [_queue_policy_id(spec.notify_queue)]
            out[_queue_policy_id(spec.notify_queue)] = _s3_may_send(names, spec.key, spec.notify_queue)
        out[bucket_id(spec.key)] = resource
        out[bucket_id(spec.key) + "Policy"] = _tls_only(bucket_id(spec.key))
    return out


def _cfn_cors(rule: dict) -> dict:
    return {"AllowedOrigins": rule["AllowedOrigins"], "AllowedMethods": rule["AllowedMethods"],
            "AllowedHeaders": rule["AllowedHeaders"], "MaxAge": rule["MaxAgeSeconds"]}


def _queue_policy_id(queue_key: str) -> str:
    return queue_id(queue_key) + "Policy"


def _s3_may_send(names: Names, bucket_key: str, queue_key: str) -> dict:
    # The bucket's ARN is built from its name, not referenced: the bucket depends on this policy.
    return {"Type": "AWS::SQS::QueuePolicy", "Properties": {
        "Queues": [ref(queue_id(queue_key))],
        "PolicyDocument": {"Version": "2012-10-17", "Statement": [{
            "Sid": "S3ObjectCreated", "Effect": "Allow",
            "Principal": {"Service": "s3.amazonaws.com"}, "Action": "sqs:SendMessage",
            "Resource": arn(queue_id(queue_key)),
            "Condition": {"ArnEquals": {"aws:SourceArn": names.bucket_arn(bucket_key)},
                          "StringEquals": {"aws:SourceAccount": sub("${AWS::AccountId}")}},
        }]},
    }}


def _tls_only(bucket_logical_id: str) -> dict:
    return {"Type": "AWS::S3::BucketPolicy", "Properties": {
        "Bucket": ref(bucket_logical_id),
        "PolicyDocument": {"Version": "2012-10-17", "Statement": [{
            "Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
            "Resource": [arn(bucket_logical_id), sub("${%s.Arn}/*" % bucket_logical_id)],
            "Condition": {"Bool": {"aws:SecureTransport": "false"}},
        }]},
    }}

