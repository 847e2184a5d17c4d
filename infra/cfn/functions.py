"""The Lambda functions: the inference image function, and our settings for Chalice's functions.

Chalice generates the API handler and the scheduled/queue functions; the merge template sets
their names, sizes, environment, log groups and queue wiring. The inference function is a
container image Chalice cannot build, so it is declared here in full.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path

from chalice.utils import to_cfn_resource_name

from emotecare.resources import PLATFORM, dead_letter_queues
from emotecare.settings import Settings, env_name
from infra.cfn.common import Names, arn, queue_id, ref, sub
from infra.cfn.payments import STRIPE_KEYS_SECRET
from infra.stages import Stage

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "functions" / "inference" / "Dockerfile"
INFERENCE_QUEUE = PLATFORM.bucket("frames").notify_queue
IMAGE_PARAMETER = "InferenceImageUri"
MODEL_DIR = "/var/task/model_artifacts"  # ${LAMBDA_TASK_ROOT} of the AWS base image


@dataclass(frozen=True)
class Function:
    """One deployed function and what the template knows about it."""

    name: str  # short name: "api", "weekly-reports", "inference", …
    logical_id: str
    role_id: str
    entries: tuple[tuple[str, str | None], ...]  # what code it runs (for IAM, see code_access)
    consumes: str | None = None  # key of the queue its event source mapping reads
    chalice_event_id: str | None = None  # Chalice's id of the SQS event (to point at our queue)

    @property
    def log_group_id(self) -> str:
        return self.logical_id + "LogGroup"


def inference_handler() -> str:
    """The handler the inference image runs: the Dockerfile's CMD (one source of truth)."""
    match = re.search(r'^CMD\s*\[\s*"([\w.]+)"\s*\]', DOCKERFILE.read_text(), re.MULTILINE)
    if not match:
        raise ValueError(f"{DOCKERFILE}: no CMD [\"module.function\"] line")
    return match.group(1)


def deployed_functions() -> list[Function]:
    """Every function of the platform: Chalice's (read from the app) and the inference one."""
    import app as chalice_app
    from chalice.app import ScheduledEventConfig, SQSEventConfig

    app = chalice_app.app
    out = []
    if app.routes:
        route_modules = sorted({entry.view_function.__module__ for methods in app.routes.values()
                                for entry in methods.values()})
        out.append(Function("api", "APIHandler", "ApiHandlerRole",
                            tuple((m, None) for m in route_modules)))
    for source in [*app.event_sources, *app.pure_lambda_functions]:
        module, function = source.handler_string.rsplit(".", 1)
        is_sqs = isinstance(source, SQSEventConfig)
        if source in app.event_sources and not isinstance(source, (ScheduledEventConfig,
                                                                   SQSEventConfig)):
            raise NotImplementedError(f"{source.name}: only schedules, SQS events and plain "
                                      "functions are deployed (see infra/cfn/functions.py)")
        if is_sqs and source.queue not in {q.key for q in PLATFORM.queues}:
            raise ValueError(f"{source.name} reads queue {source.queue!r}, which is not declared "
                             "in emotecare/resources.py PLATFORM")
        out.append(Function(
            source.name, to_cfn_resource_name(source.name),
            to_cfn_resource_name(f"{source.name}_role"), ((module, function),),
            consumes=source.queue if is_sqs else None,
            chalice_event_id=to_cfn_resource_name(f"{source.name}-sqs-event-source") if is_sqs else None))
    module, function = inference_handler().rsplit(".", 1)
    out.append(Function("inference", "InferenceFunction", "InferenceRole", ((module, function),),
                        consumes=INFERENCE_QUEUE))
    return out


def settings_environment(names: Names, stage: Stage, frontend_url: dict, **overrides) -> dict:
    """Environment variables from which `Settings` loads in a function of this stage."""
    values = {
        "stage": stage.name,
        "table_prefix": names.prefix,
        "user_pool_id": ref("UserPool"),
        "user_pool_client_id": ref("UserPoolClient"),
        "sender_email": ref("SenderIdentity"),
        "frontend_url": frontend_url,
        "cors_origin": frontend_url,
        "chat_backend": stage.params["chat_backend"],
        "log_level": stage.params["log_level"],
        "stripe_keys_secret_id": ref(STRIPE_KEYS_SECRET),
        **{f"{b.key}_bucket": names.bucket(b.key) for b in PLATFORM.buckets},
        **{f"{q.key}_queue_url": ref(queue_id(q.key)) for q in PLATFORM.queues
           if q.key not in dead_letter_queues()},
        **overrides,
    }
    known = {f.name for f in fields(Settings)} - {"region"}  # Lambda sets AWS_REGION itself
    unknown = set(values) - known
    if unknown:
        raise ValueError(f"not Settings fields: {sorted(unknown)}")
    env = {env_name(k): v for k, v in values.items()}
    env["POWERTOOLS_LOG_LEVEL"] = stage.params["log_level"]
    return env


def chalice_overrides(functions: list[Function], names: Names, stage: Stage, env: dict) -> dict:
    """What the merge template sets on the resources Chalice generates."""
    out = {}
    for function in functions:
        if function.name == "inference":
            continue
        size = stage.function(function.name)
        properties = {
            "FunctionName": names.function(function.name),
            "MemorySize": size["memory_mb"],
            "Timeout": size["timeout_s"],
            "Environment": {"Variables": env},
        }
        if function.consumes:
            _check_visibility(function.name, size["timeout_s"], function.consumes)
            properties["Events"] = {function.chalice_event_id: {"Properties": {
                # `!Sub` replaces Chalice's Fn::Sub key when merged (a GetAtt would sit beside it).
                "Queue": arn(queue_id(function.consumes)),
                "FunctionResponseTypes": ["ReportBatchItemFailures"],
            }}}
        out[function.logical_id] = {"DependsOn": [function.log_group_id], "Properties": properties}
    return out


def inference(names: Names, stage: Stage, env: dict) -> dict:
    params = stage.params["inference"]
    _check_visibility("inference", params["timeout_s"], INFERENCE_QUEUE)
    if params["reserved_concurrency"] < params["max_concurrency"]:
        raise ValueError("inference: reserved concurrency must cover the queue's max concurrency")
    return {
        "InferenceFunction": {"Type": "AWS::Lambda::Function", "DependsOn": ["InferenceFunctionLogGroup"],
                              "Properties": {
            "FunctionName": names.function("inference"),
            "PackageType": "Image",
            "Code": {"ImageUri": ref(IMAGE_PARAMETER)},
            "Architectures": ["x86_64"],
            "Role": sub("${InferenceRole.Arn}"),
            "MemorySize": params["memory_mb"],
            "Timeout": params["timeout_s"],
            "EphemeralStorage": {"Size": params["ephemeral_storage_mb"]},
            "ReservedConcurrentExecutions": params["reserved_concurrency"],
            "Environment": {"Variables": {**env, env_name("model_dir"): MODEL_DIR}},
        }},
        "InferenceEventSourceMapping": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
            "EventSourceArn": arn(queue_id(INFERENCE_QUEUE)),
            "FunctionName": ref("InferenceFunction"),
            "BatchSize": params["batch_size"],
            "MaximumBatchingWindowInSeconds": params["batching_window_s"],
            "FunctionResponseTypes": ["ReportBatchItemFailures"],
            "ScalingConfig": {"MaximumConcurrency": params["max_concurrency"]},
        }},
    }


def log_groups(functions: list[Function], names: Names, stage: Stage) -> dict:
    """One log group per function, created before it, with the stage's retention."""
    return {f.log_group_id: {"Type": "AWS::Logs::LogGroup", "Properties": {
        "LogGroupName": f"/aws/lambda/{names.function(f.name)}",
        "RetentionInDays": stage.params["log_retention_days"]}} for f in functions}


def _check_visibility(function: str, timeout_s: int, queue_key: str) -> None:
    # AWS refuses an event source mapping whose queue hides messages for less than the timeout.
    visibility = PLATFORM.queue(queue_key).visibility_timeout_s
    if timeout_s > visibility:
        raise ValueError(f"{function}: timeout {timeout_s}s exceeds queue {queue_key!r}'s "
                         f"visibility timeout {visibility}s")

