"""Which AWS actions each deployed function's code performs, on which platform resources.

Read from the source, statically: starting at a function's entry (the API's route modules,
or one event handler), follow imports inside our own packages and collect
- boto3 calls: services from `aws.client("svc")`, operations from method calls whose name
  is an operation of such a service (botocore's model) in the modules the client reaches,
  resources from the `Settings` fields read where the client is made
  (`FrameUploads(aws.client("s3"), settings.frames_bucket)` → the frames bucket);
- PynamoDB calls: `Model.get/query/...`, `Model.index.query`, instance `save/update/delete`,
  transactions, batch writes, on the models the code names.
(The walking is in `code_scan` and `code_modules`.) The IAM policies are generated from this, so a role can do exactly what its
code does; tests/infra checks the template against it and the scanner against sample code.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

from infra.code_scan import Scan, Site, scan_function

@dataclass(frozen=True)
class Resource:
    """A platform resource: kind ("table", "bucket", "queue", "user_pool", "email_identity",
    "foundation_model", "secret") and key (table suffix, bucket/queue key, or "" for the single ones)."""

    kind: str
    key: str = ""


Access = dict[Resource, set[str]]  # resource → IAM actions ("s3:GetObject")

# boto3 service → (IAM prefix, resource kind)
_SERVICES = {
    "s3": ("s3", "bucket"), "sqs": ("sqs", "queue"), "dynamodb": ("dynamodb", "table"),
    "cognito-idp": ("cognito-idp", "user_pool"), "ses": ("ses", "email_identity"),
    "sesv2": ("ses", "email_identity"), "bedrock-runtime": ("bedrock", "foundation_model"),
    "cloudwatch": ("cloudwatch", "any"),  # PutMetricData takes no resource: AWS requires "*"
    # Managed TURN (sessions/ice.py): the endpoint lookup and the ICE credentials, per channel.
    "kinesisvideo": ("kinesisvideo", "signaling_channel"),
    "kinesis-video-signaling": ("kinesisvideo", "signaling_channel"),
    "secretsmanager": ("secretsmanager", "secret"),  # the Stripe keys (emotecare.settings)
}
# Client methods whose IAM action is not their CamelCase name.
_SPECIAL = {
    ("s3", "generate_presigned_post"): {"PutObject"}, ("s3", "upload_file"): {"PutObject"},
    ("s3", "upload_fileobj"): {"PutObject"}, ("s3", "download_file"): {"GetObject"},
    ("s3", "download_fileobj"): {"GetObject"}, ("s3", "copy"): {"GetObject", "PutObject"},
    ("s3", "copy_object"): {"GetObject", "PutObject"}, ("s3", "head_object"): {"GetObject"},
    ("s3", "head_bucket"): {"ListBucket"}, ("s3", "list_objects"): {"ListBucket"},
    ("s3", "list_objects_v2"): {"ListBucket"}, ("s3", "delete_objects"): {"DeleteObject"},
    ("sqs", "send_message_batch"): {"SendMessage"}, ("sqs", "delete_message_batch"): {"DeleteMessage"},
    ("sqs", "change_message_visibility_batch"): {"ChangeMessageVisibility"},
    ("bedrock-runtime", "converse"): {"InvokeModel"},
    ("bedrock-runtime", "converse_stream"): {"InvokeModelWithResponseStream"},
}
_BOTO_HELPERS = {"s3": ("generate_presigned_post", "generate_presigned_url", "upload_file",
                        "upload_fileobj", "download_file", "download_fileobj", "copy")}


@functools.lru_cache(maxsize=None)
def _operations(service: str) -> frozenset[str]:
    """boto3 method names of `service` (from botocore's bundled model; no network)."""
    import botocore.session
    from botocore import xform_name

    model = botocore.session.get_session().get_service_model(service)
    return frozenset(xform_name(op) for op in model.operation_names) | frozenset(
        _BOTO_HELPERS.get(service, ()))


def _camel(method: str) -> str:
    return "".join(part.capitalize() for part in method.split("_"))


def function_access(entries: list[tuple[str, str | None]], settings_resources: dict[str, Resource],
                    all_tables: list[str]) -> Access:
    """Resources and IAM actions the function with these entries uses.

    `settings_resources` maps a `Settings` field to the resource it names; `all_tables` are
    the table suffixes (for code that walks every model, like the health check).
    """
    scan = scan_function(entries)
    access: Access = defaultdict(set)
    for model, actions in scan.model_actions.items():
        access[Resource("table", _suffix(model))] |= {f"dynamodb:{a}" for a in actions}
    for site in scan.sites:
        # The client may travel further than the module it is handed to (a factory's backend).
        modules = scan.reachable(site.modules)
        calls = set().union(*(scan.module_calls.get(m, set()) for m in modules))
        presigned = set().union(*(scan.presigned.get(m, set()) for m in modules))
        for service in sorted(site.services):
            _grant_site(access, service, site, calls, presigned, scan, settings_resources, all_tables)
    return dict(access)


def _grant_site(access: Access, service: str, site: Site, calls: set[str], presigned: set[str],
                scan: Scan, settings_resources: dict[str, Resource], all_tables: list[str]) -> None:
    if service not in _SERVICES:
        raise NotImplementedError(f"code uses boto3 {service!r}: map it to IAM in {__file__}")
    prefix, kind = _SERVICES[service]
    actions: set[str] = set()
    for method in calls & _operations(service):
        if method == "generate_presigned_url":
            for target in presigned & _operations(service):
                actions |= _SPECIAL.get((service, target), {_camel(target)})
            continue
        actions |= _SPECIAL.get((service, method), {_camel(method)})
    if not actions:
        return
    if kind == "any":
        targets = {Resource("any")}
    elif kind == "table":
        targets = {Resource("table", t) for t in all_tables} if site.all_tables else {
            Resource("table", _suffix(m)) for m in scan.model_actions}
    else:
        named = {r for f, r in settings_resources.items() if r.kind == kind and f in site.fields}
        # A client made where no name is read may touch any resource of its kind (still ours).
        targets = named or {r for r in settings_resources.values() if r.kind == kind}
    for target in targets:
        access[target] |= {f"{prefix}:{a}" for a in actions}


def _suffix(model_name: str) -> str:
    from emotecare.db import table_suffix
    from emotecare.db.registry import all_models

    return table_suffix(next(m for m in all_models() if m.__name__ == model_name))
