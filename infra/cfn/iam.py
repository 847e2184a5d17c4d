"""Least-privilege roles: each function may do what its code does, on its own resources.

The actions come from `infra.code_access` (read from the function's source); each resource
is the template's own (by reference), never `*`. Two grants are not in the code: writing to
the function's own log group, and reading the queue its event source mapping consumes.
"""
from __future__ import annotations

from emotecare.db import table_suffix
from emotecare.db.registry import all_models
from emotecare.resources import PLATFORM, dead_letter_queues
from infra.cfn.common import arn, bucket_id, queue_id, ref, sub, table_id
from infra.cfn.payments import STRIPE_KEYS_SECRET
from infra.code_access import Resource, function_access
from infra.cfn.functions import Function

LAMBDA_TRUST = {"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
# What Lambda's event source mapping needs to poll a queue for the function.
QUEUE_CONSUMER_ACTIONS = ("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes")
LOG_ACTIONS = ("logs:CreateLogStream", "logs:PutLogEvents")
_BUCKET_LEVEL_ACTIONS = {"s3:ListBucket"}


def settings_resources() -> dict[str, Resource]:
    """Which `Settings` field names which platform resource."""
    named = {f"{b.key}_bucket": Resource("bucket", b.key) for b in PLATFORM.buckets}
    named.update({f"{q.key}_queue_url": Resource("queue", q.key) for q in PLATFORM.queues
                  if q.key not in dead_letter_queues()})
    named.update(user_pool_id=Resource("user_pool"), sender_email=Resource("email_identity"),
                 bedrock_model_id=Resource("foundation_model"),
                 turn_kvs_channels=Resource("signaling_channel"),
                 stripe_keys_secret_id=Resource("secret", "stripe"))
    return named


def access_of(function: Function) -> dict[Resource, set[str]]:
    """Resource → actions the function's code uses, plus its event source's queue reads."""
    access = function_access(list(function.entries), settings_resources(),
                             [table_suffix(m) for m in all_models()])
    if function.consumes:
        access.setdefault(Resource("queue", function.consumes), set()).update(QUEUE_CONSUMER_ACTIONS)
    return access


def policy_document(function: Function, bedrock_model_id: str, turn_channels: tuple[str, ...] = ()) -> dict:
    statements = [{"Sid": "OwnLogGroup", "Effect": "Allow", "Action": list(LOG_ACTIONS),
                   "Resource": arn(function.log_group_id)}]
    grants: dict[tuple[str, ...], list] = {}  # same actions → one statement, many resources
    access = access_of(function)
    for resource in sorted(access, key=lambda r: (r.kind, r.key)):
        actions = sorted(access[resource])
        if resource.kind == "bucket":
            bucket_level = tuple(a for a in actions if a in _BUCKET_LEVEL_ACTIONS)
            object_level = tuple(a for a in actions if a not in _BUCKET_LEVEL_ACTIONS)
            if bucket_level:
                grants.setdefault(bucket_level, []).append(arn(bucket_id(resource.key)))
            if object_level:
                grants.setdefault(object_level, []).append(sub("${%s.Arn}/*" % bucket_id(resource.key)))
            continue
        grants.setdefault(tuple(actions), []).extend(_arns(resource, actions, bedrock_model_id, turn_channels))
    for number, (actions, resources) in enumerate(grants.items(), start=1):
        statements.append({"Sid": f"Code{number}", "Effect": "Allow", "Action": list(actions),
                           "Resource": resources})
    return {"Version": "2012-10-17", "Statement": statements}


def _arns(resource: Resource, actions: list[str], bedrock_model_id: str,
          turn_channels: tuple[str, ...] = ()) -> list:
    if resource.kind == "table":
        model = next(m for m in all_models() if table_suffix(m) == resource.key)
        arns = [arn(table_id(model))]
        if model._get_schema()["global_secondary_indexes"] and {"dynamodb:Query", "dynamodb:Scan"} & set(actions):
            arns.append(sub("${%s.Arn}/index/*" % table_id(model)))
        return arns
    if resource.kind == "queue":
        return [arn(queue_id(resource.key))]
    if resource.kind == "user_pool":
        return [arn("UserPool")]
    if resource.kind == "email_identity":
        return [sub("arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${SenderIdentity}")]
    if resource.kind == "signaling_channel":
        if not turn_channels:
            raise ValueError("code asks Kinesis Video for TURN but the template has no channels")
        return [arn(c) for c in turn_channels]
    if resource.kind == "secret":
        return [ref(STRIPE_KEYS_SECRET)]  # a secret's Ref is its ARN
    if resource.kind == "any":
        return ["*"]
    if resource.kind == "foundation_model":
        return [sub("arn:${AWS::Partition}:bedrock:${AWS::Region}::foundation-model/" + bedrock_model_id)]
    raise NotImplementedError(f"no ARN for {resource}")


def role_policies(function: Function, bedrock_model_id: str,
                  turn_channels: tuple[str, ...] = ()) -> list[dict]:
    """The role's `Policies` list (replaces Chalice's, which lists are when merged)."""
    return [{"PolicyName": f"{function.logical_id}Access",
             "PolicyDocument": policy_document(function, bedrock_model_id, turn_channels)}]


def inference_role(function: Function, bedrock_model_id: str) -> dict:
    return {"Type": "AWS::IAM::Role", "Properties": {
        "AssumeRolePolicyDocument": LAMBDA_TRUST,
        "Policies": role_policies(function, bedrock_model_id)}}


