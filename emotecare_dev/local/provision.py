"""Create the platform's AWS resources from `emotecare.resources` and the DynamoDB models.

Idempotent: run against a fresh moto server or one restored from a snapshot, it creates
what is missing and re-applies configuration, so a restart keeps data.
"""
from __future__ import annotations

import json
from dataclasses import replace

import boto3
from botocore.exceptions import ClientError

from emotecare import resources
from emotecare.db import bind_models
from emotecare.db.registry import all_models
from emotecare.db.schema import ttl_attribute
from emotecare.resources import PLATFORM
from emotecare.settings import Settings


def provision(settings: Settings, account_id: str) -> Settings:
    """Create every resource for `settings.stage`; return settings completed with their ids."""
    session = boto3.session.Session(region_name=settings.region)
    clients = {name: session.client(name, endpoint_url=settings.aws_endpoint)
               for name in ("sqs", "s3", "cognito-idp", "ses")}
    queue_urls = _create_queues(clients["sqs"], settings.stage)
    _create_buckets(clients["s3"], settings, account_id, clients["sqs"], queue_urls)
    pool_id, client_id = _create_user_pool(clients["cognito-idp"], settings.stage)
    clients["ses"].verify_email_identity(EmailAddress=settings.sender_email)
    settings = replace(
        settings,
        frames_queue_url=queue_urls["frames"],
        reports_queue_url=queue_urls["reports"],
        user_pool_id=pool_id,
        user_pool_client_id=client_id,
        jwks_url=f"{settings.aws_endpoint}/{pool_id}/.well-known/jwks.json",
    )
    _create_tables(settings)
    return settings


def _create_queues(sqs, stage: str) -> dict[str, str]:
    urls: dict[str, str] = {}
    for spec in PLATFORM.queues:  # dead-letter queues are declared before their sources
        attributes = {
            "VisibilityTimeout": str(spec.visibility_timeout_s),
            "MessageRetentionPeriod": str(spec.retention_s),
        }
        if spec.dead_letter:
            dlq_arn = sqs.get_queue_attributes(
                QueueUrl=urls[spec.dead_letter], AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
            attributes["RedrivePolicy"] = json.dumps(
                {"deadLetterTargetArn": dlq_arn, "maxReceiveCount": spec.max_receive_count})
        urls[spec.key] = sqs.create_queue(
            QueueName=resources.queue_name(stage, spec.key), Attributes=attributes)["QueueUrl"]
    return urls


def _create_buckets(s3, settings: Settings, account_id: str, sqs, queue_urls) -> None:
    for spec in PLATFORM.buckets:
        name = resources.bucket_name(settings.stage, account_id, spec.key)
        try:
            s3.create_bucket(Bucket=name, CreateBucketConfiguration={
                "LocationConstraint": settings.region})
        except ClientError as exc:
            if exc.response["Error"]["Code"] not in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
                raise
        s3.put_public_access_block(Bucket=name, PublicAccessBlockConfiguration={
            "BlockPublicAcls": True, "IgnorePublicAcls": True,
            "BlockPublicPolicy": True, "RestrictPublicBuckets": True})
        if spec.expire_days:
            s3.put_bucket_lifecycle_configuration(Bucket=name, LifecycleConfiguration={"Rules": [{
                "ID": "expire-unread", "Status": "Enabled", "Filter": {"Prefix": ""},
                "Expiration": {"Days": spec.expire_days}}]})
        if spec.browser_uploads:
            s3.put_bucket_cors(Bucket=name, CORSConfiguration={
                "CORSRules": spec.upload_cors_rules(settings.frontend_url)})
        if spec.notify_queue:
            queue_arn = sqs.get_queue_attributes(
                QueueUrl=queue_urls[spec.notify_queue], AttributeNames=["QueueArn"]
            )["Attributes"]["QueueArn"]
            s3.put_bucket_notification_configuration(Bucket=name, NotificationConfiguration={
                "QueueConfigurations": [{
                    "QueueArn": queue_arn, "Events": ["s3:ObjectCreated:*"],
                    "Filter": {"Key": {"FilterRules": spec.notification_filter_rules()}}}]})


def _create_user_pool(cognito, stage: str) -> tuple[str, str]:
    spec = PLATFORM.user_pool
    name = resources.user_pool_name(stage)
    pools = cognito.list_user_pools(MaxResults=60)["UserPools"]
    pool_id = next((p["Id"] for p in pools if p["Name"] == name), None)
    if pool_id is None:
        pool_id = cognito.create_user_pool(
            PoolName=name,
            UsernameAttributes=["email"],
            AutoVerifiedAttributes=list(spec.auto_verified_attributes),
            Policies={"PasswordPolicy": {
                "MinimumLength": spec.password_min_length, "RequireLowercase": True,
                "RequireUppercase": True, "RequireNumbers": True, "RequireSymbols": False}},
        )["UserPool"]["Id"]
        for group in spec.groups:
            cognito.create_group(UserPoolId=pool_id, GroupName=group)
    clients = cognito.list_user_pool_clients(UserPoolId=pool_id, MaxResults=60)["UserPoolClients"]
    client_id = next((c["ClientId"] for c in clients if c["ClientName"] == "web"), None)
    if client_id is None:
        client_id = cognito.create_user_pool_client(
            UserPoolId=pool_id, ClientName="web", GenerateSecret=False,
            ExplicitAuthFlows=list(spec.auth_flows))["UserPoolClient"]["ClientId"]
    return pool_id, client_id


def _create_tables(settings: Settings) -> None:
    bind_models(settings)
    dynamodb = boto3.session.Session(region_name=settings.region).client(
        "dynamodb", endpoint_url=settings.aws_endpoint)
    for model in all_models():
        if not model.exists():
            model.create_table(billing_mode="PAY_PER_REQUEST", wait=True)
        ttl = ttl_attribute(model)
        # As in the template. (DynamoDB refuses to enable TTL twice, hence the check.)
        if ttl and dynamodb.describe_time_to_live(TableName=model.Meta.table_name)[
                "TimeToLiveDescription"].get("TimeToLiveStatus") != "ENABLED":
            dynamodb.update_time_to_live(TableName=model.Meta.table_name, TimeToLiveSpecification={
                "Enabled": True, "AttributeName": ttl})
