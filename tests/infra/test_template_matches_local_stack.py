"""The template declares what the running local stack has: one test reads both."""
from __future__ import annotations

import json

import pytest

from infra.stages import Stage, load_stage
from infra.template import merge_template
from tests.infra.conftest import referenced_ids, resources_of_type

pytestmark = [pytest.mark.stack, pytest.mark.slow]


def _sub(value, account: str) -> str:
    text = value["Fn::Sub"] if isinstance(value, dict) else value
    return text.replace("${AWS::AccountId}", account)


def _keys(schema: list[dict]) -> list[tuple[str, str]]:
    return [(k["AttributeName"], k["KeyType"]) for k in schema]


def _tables(template: dict, dynamodb) -> tuple[dict, dict]:
    declared, live = {}, {}
    for table in resources_of_type(template, "AWS::DynamoDB::Table").values():
        props = table["Properties"]
        name = props["TableName"]
        declared[name] = {
            "keys": _keys(props["KeySchema"]),
            "attributes": sorted((a["AttributeName"], a["AttributeType"]) for a in props["AttributeDefinitions"]),
            "indexes": sorted((i["IndexName"], _keys(i["KeySchema"]), i["Projection"]["ProjectionType"])
                              for i in props.get("GlobalSecondaryIndexes", [])),
            "ttl": props.get("TimeToLiveSpecification", {}).get("AttributeName"),
        }
        described = dynamodb.describe_table(TableName=name)["Table"]
        ttl = dynamodb.describe_time_to_live(TableName=name)["TimeToLiveDescription"]
        live[name] = {
            "keys": _keys(described["KeySchema"]),
            "attributes": sorted((a["AttributeName"], a["AttributeType"]) for a in described["AttributeDefinitions"]),
            "indexes": sorted((i["IndexName"], _keys(i["KeySchema"]), i["Projection"]["ProjectionType"])
                              for i in described.get("GlobalSecondaryIndexes", [])),
            "ttl": ttl.get("AttributeName") if ttl.get("TimeToLiveStatus") == "ENABLED" else None,
        }
    live_names = {n for n in dynamodb.list_tables()["TableNames"] if n.startswith("emotecare-local-")}
    assert live_names == set(declared), "the stack and the template have different tables"
    return declared, live


def _queues(template: dict, sqs) -> tuple[dict, dict]:
    res = template["Resources"]
    declared, live = {}, {}
    for queue in resources_of_type(template, "AWS::SQS::Queue").values():
        props = queue["Properties"]
        redrive = props.get("RedrivePolicy")
        declared[props["QueueName"]] = {
            "visibility": props["VisibilityTimeout"], "retention": props["MessageRetentionPeriod"],
            "redrive": redrive and (res[next(iter(referenced_ids(redrive["deadLetterTargetArn"])))][
                "Properties"]["QueueName"], redrive["maxReceiveCount"])}
        url = sqs.get_queue_url(QueueName=props["QueueName"])["QueueUrl"]
        attrs = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
        policy = json.loads(attrs["RedrivePolicy"]) if "RedrivePolicy" in attrs else None
        live[props["QueueName"]] = {
            "visibility": int(attrs["VisibilityTimeout"]), "retention": int(attrs["MessageRetentionPeriod"]),
            "redrive": policy and (policy["deadLetterTargetArn"].rsplit(":", 1)[1],
                                   int(policy["maxReceiveCount"]))}
    return declared, live


def _buckets(template: dict, s3, account: str) -> tuple[dict, dict]:
    res = template["Resources"]
    declared, live = {}, {}
    for bucket in resources_of_type(template, "AWS::S3::Bucket").values():
        props = bucket["Properties"]
        name = _sub(props["BucketName"], account)
        if name.startswith("emotecare-local-site-"):
            continue  # locally the front end is served from frontend/, not a bucket
        declared[name] = {
            "notifications": sorted(
                (n["Event"], res[next(iter(referenced_ids(n["Queue"])))]["Properties"]["QueueName"],
                 sorted((r["Name"].lower(), r["Value"]) for r in n["Filter"]["S3Key"]["Rules"]))
                for n in props.get("NotificationConfiguration", {}).get("QueueConfigurations", [])),
            "expire_days": [r["ExpirationInDays"] for r in props.get("LifecycleConfiguration", {}).get("Rules", [])],
            "cors_methods": [sorted(r["AllowedMethods"]) for r in props.get("CorsConfiguration", {}).get("CorsRules", [])],
            "private": all(props["PublicAccessBlockConfiguration"].values()),
        }
        config = s3.get_bucket_notification_configuration(Bucket=name)
        lifecycle = s3.get_bucket_lifecycle_configuration(Bucket=name)["Rules"] if declared[name]["expire_days"] else []
        cors = s3.get_bucket_cors(Bucket=name)["CORSRules"] if declared[name]["cors_methods"] else []
        live[name] = {
            "notifications": sorted(
                (event, n["QueueArn"].rsplit(":", 1)[1],
                 sorted((r["Name"].lower(), r["Value"]) for r in n["Filter"]["Key"]["FilterRules"]))
                for n in config.get("QueueConfigurations", []) for event in n["Events"]),
            "expire_days": [r["Expiration"]["Days"] for r in lifecycle],
            "cors_methods": [sorted(r["AllowedMethods"]) for r in cors],
            "private": all(s3.get_public_access_block(Bucket=name)[
                "PublicAccessBlockConfiguration"].values()),
        }
    return declared, live


def _user_pool(template: dict, cognito) -> tuple[dict, dict]:
    pool = template["Resources"]["UserPool"]["Properties"]
    client = template["Resources"]["UserPoolClient"]["Properties"]
    declared = {"name": pool["UserPoolName"], "client_flows": sorted(client["ExplicitAuthFlows"]),
                "groups": sorted(g["Properties"]["GroupName"] for g in resources_of_type(
                    template, "AWS::Cognito::UserPoolGroup").values())}
    (pool_id,) = [p["Id"] for p in cognito.list_user_pools(MaxResults=60)["UserPools"]
                  if p["Name"] == pool["UserPoolName"]]
    (live_client,) = cognito.list_user_pool_clients(UserPoolId=pool_id, MaxResults=60)["UserPoolClients"]
    flows = cognito.describe_user_pool_client(UserPoolId=pool_id, ClientId=live_client["ClientId"])[
        "UserPoolClient"]["ExplicitAuthFlows"]
    live = {"name": pool["UserPoolName"], "client_flows": sorted(flows),
            "groups": sorted(g["GroupName"] for g in cognito.list_groups(UserPoolId=pool_id)["Groups"])}
    return declared, live


def test_template_declares_the_tables_queues_buckets_and_pool_the_local_stack_runs(stack):
    # The same generator as `infra/template.py`, for the stage the local stack runs.
    template = merge_template(Stage("local", load_stage("dev").params))
    account = stack.client("sts").get_caller_identity()["Account"]
    for name, (declared, live) in {
        "tables": _tables(template, stack.client("dynamodb")),
        "queues": _queues(template, stack.client("sqs")),
        "buckets": _buckets(template, stack.client("s3"), account),
        "user pool": _user_pool(template, stack.client("cognito-idp")),
    }.items():
        assert declared == live, name
        assert declared, f"no {name} compared"
