"""Least privilege: each function's role may do what its code does, on its own resources only."""
from __future__ import annotations

import pytest

from emotecare.db import table_suffix
from emotecare.db.registry import all_models
from infra.cfn.common import bucket_id, queue_id, table_id
from infra.cfn.iam import settings_resources
from infra.code_access import Resource, function_access
from tests.infra.conftest import function_roles, referenced_ids, resources_of_type

pytestmark = pytest.mark.slow  # the template tests package the app with Chalice once per stage

# Actions AWS only grants on "*" (none of our functions needs one today).
STAR_ONLY_ACTIONS = {"cloudwatch:PutMetricData", "xray:PutTraceSegments",
                     "xray:PutTelemetryRecords", "ecr:GetAuthorizationToken"}
# What Lambda needs to poll a queue for its function, and to write the function's logs.
QUEUE_CONSUMER_ACTIONS = {"sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"}
LOG_ACTIONS = {"logs:CreateLogStream", "logs:PutLogEvents"}
_OWN_TYPES = {"AWS::DynamoDB::Table", "AWS::S3::Bucket", "AWS::SQS::Queue",
              "AWS::Cognito::UserPool", "AWS::SES::EmailIdentity", "AWS::Logs::LogGroup",
              "AWS::KinesisVideo::SignalingChannel"}
# A Bedrock foundation model is AWS's, not a template resource: its ARN is built from the
# stage's model id, and stands under this name in the comparison.
FOUNDATION_MODEL = "FoundationModel"


def _entries_of(template: dict, fid: str) -> list[tuple[str, str | None]]:
    """What code a function runs, read from the template itself (its Handler or image)."""
    props = template["Resources"][fid]["Properties"]
    if props.get("PackageType") == "Image":
        from infra.cfn.functions import inference_handler
        handler = inference_handler()
    else:
        handler = props["Handler"]
    if handler == "app.app":  # the API: every module with a route
        import app

        return sorted({(e.view_function.__module__, None) for methods in app.app.routes.values()
                       for e in methods.values()})
    module, function = handler.rsplit(".", 1)
    return [(module, function)]


def _logical_id(resource: Resource) -> str:
    if resource.kind == "any":
        return "*"
    if resource.kind == "foundation_model":
        return FOUNDATION_MODEL
    if resource.kind == "table":
        return table_id(next(m for m in all_models() if table_suffix(m) == resource.key))
    return {"bucket": bucket_id, "queue": queue_id}.get(resource.kind, lambda _: {
        "user_pool": "UserPool", "email_identity": "SenderIdentity"}[resource.kind])(resource.key)


def _granted(template: dict, role_id: str) -> dict[str, set[str]]:
    """Logical id of each resource ("*" for none) → actions the role's policies allow on it."""
    granted: dict[str, set[str]] = {}
    for policy in template["Resources"][role_id]["Properties"]["Policies"]:
        for statement in policy["PolicyDocument"]["Statement"]:
            assert statement["Effect"] == "Allow"
            actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
            resources = statement["Resource"] if isinstance(statement["Resource"], list) else [statement["Resource"]]
            for resource in resources:
                if isinstance(resource, str):  # a literal ARN: only "*" for star-only actions
                    assert resource == "*" and set(actions) <= STAR_ONLY_ACTIONS, (role_id, statement)
                    granted.setdefault("*", set()).update(actions)
                    continue
                if ":bedrock:" in str(resource) and "foundation-model/" in str(resource):
                    granted.setdefault(FOUNDATION_MODEL, set()).update(actions)
                    continue
                for target in referenced_ids(resource):
                    granted.setdefault(target, set()).update(actions)
    return granted


def test_each_role_grants_only_what_its_functions_code_uses_on_its_own_resources(packaged):
    template = packaged["template"]
    roles = function_roles(template)
    assert len(set(roles.values())) == len(roles), "every function has a role of its own"
    for fid, role_id in roles.items():
        granted = _granted(template, role_id)
        for target in set(granted) - {"*", FOUNDATION_MODEL}:
            assert template["Resources"][target]["Type"] in _OWN_TYPES, (fid, target)
        log_groups = {t for t in set(granted) - {"*", FOUNDATION_MODEL} if template["Resources"][t]["Type"] == "AWS::Logs::LogGroup"}
        assert log_groups == {fid + "LogGroup"}, f"{fid} writes only to its own log group"
        assert granted.pop(fid + "LogGroup") == LOG_ACTIONS

        used = function_access(_entries_of(template, fid), settings_resources(),
                               [table_suffix(m) for m in all_models()])
        expected: dict[str, set] = {}
        for resource, actions in used.items():
            # Managed TURN: the code's one "signalling channel" is the stage's pool of them.
            ids = (resources_of_type(template, "AWS::KinesisVideo::SignalingChannel")
                   if resource.kind == "signaling_channel" else [_logical_id(resource)])
            for logical in ids:
                expected.setdefault(logical, set()).update(actions)
        for queue in _consumed_queues(template, fid):
            expected.setdefault(queue, set()).update(QUEUE_CONSUMER_ACTIONS)
        assert granted == expected, fid


def _consumed_queues(template: dict, fid: str) -> set[str]:
    props = template["Resources"][fid]["Properties"]
    queues = {q for e in props.get("Events", {}).values() if e["Type"] == "SQS"
              for q in referenced_ids(e["Properties"]["Queue"])}
    for mapping in resources_of_type(template, "AWS::Lambda::EventSourceMapping").values():
        if referenced_ids(mapping["Properties"]["FunctionName"]) == {fid}:
            queues |= referenced_ids(mapping["Properties"]["EventSourceArn"])
    return queues


def test_no_role_keeps_chalices_wildcard_log_policy(packaged):
    for role_id in function_roles(packaged["template"]).values():
        text = str(packaged["template"]["Resources"][role_id]["Properties"]["Policies"])
        assert "arn:*" not in text and "logs:CreateLogGroup" not in text, role_id
