#!/usr/bin/env python3
"""Generate a stage's CloudFormation templates from the code's declarations.

    python infra/template.py --stage dev     → infra/build/dev/{bootstrap,merge-template}.yaml

`bootstrap.yaml` holds what must exist before code and image can be uploaded (the ECR
repository, the artifacts bucket). `merge-template.yaml` is passed to
`chalice package --merge-template`: tables from the PynamoDB models, queues and buckets from
`emotecare.resources.PLATFORM`, the inference image function, Cognito, SES, the front end,
alarms, and per-function IAM read from each function's code (`infra.code_access`).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import yaml  # noqa: E402

from emotecare.settings import Settings  # noqa: E402
from infra.cfn import alarms, data, edge, functions, iam, payments, protection, relay  # noqa: E402
from infra.cfn.common import Names, sub  # noqa: E402
from infra.stages import Stage, load_stage  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "infra" / "build"
_DEFAULT_BEDROCK_MODEL = Settings.__dataclass_fields__["bedrock_model_id"].default


def api_gateway_stage(stage: str) -> str:
    """The API Gateway stage name Chalice deploys (from `.chalice/config.json`)."""
    config = json.loads((ROOT / ".chalice" / "config.json").read_text())
    return config["stages"][stage].get("api_gateway_stage", config.get("api_gateway_stage", "api"))


def merge_template(stage: Stage) -> dict:
    names = Names(stage)
    deployed = functions.deployed_functions()
    env = functions.settings_environment(names, stage, edge.FRONTEND_URL,
                                         turn_kvs_channels=relay.channels_setting(stage))
    turn_channels = tuple(relay.channel_ids(stage))
    bedrock_model = stage.params.get("bedrock_model_id", _DEFAULT_BEDROCK_MODEL)
    resources: dict = {}
    resources.update(data.tables(names))
    resources.update(data.queues(names))
    resources.update(data.buckets(names, edge.FRONTEND_URL))
    resources.update(edge.user_pool(names))
    resources.update(edge.sender(stage))
    resources.update(edge.frontend(names))
    resources.update(payments.stripe_keys_secret(names))
    resources.update(functions.log_groups(deployed, names, stage))
    resources.update(functions.chalice_overrides(deployed, names, stage, env))
    resources.update(functions.inference(names, stage, env))
    resources.update(relay.channels(names, stage))
    for function in deployed:
        if function.name == "inference":
            resources[function.role_id] = iam.inference_role(function, bedrock_model)
        else:  # Chalice's role: its Policies list is replaced by ours
            resources[function.role_id] = {"Properties": {
                "Policies": iam.role_policies(function, bedrock_model, turn_channels)}}
    resources["RestAPI"] = {"Properties": {"Name": names.prefix, "DefinitionBody": {
        "paths": edge.api_preflight_origin()}, **protection.stage_throttling()}}
    resources.update(protection.web_acl(names, api_gateway_stage(stage.name)))
    resources.update(alarms.alarms(names, deployed, stage.params["alarm_email"],
                                   api_gateway_stage(stage.name)))
    return {
        "Parameters": {functions.IMAGE_PARAMETER: {
            "Type": "String", "AllowedPattern": r"^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com/.+$",
            "Description": "The inference image, pushed by infra/deploy (repository@sha256:digest)"}},
        "Resources": resources,
        "Outputs": {
            "UserPoolId": {"Value": {"Ref": "UserPool"}},
            "UserPoolClientId": {"Value": {"Ref": "UserPoolClient"}},
            "SiteBucketName": {"Value": {"Ref": "SiteBucket"}},
            "DistributionId": {"Value": {"Ref": "FrontendDistribution"}},
            "FrontendUrl": {"Value": edge.FRONTEND_URL},
            "Region": {"Value": {"Ref": "AWS::Region"}},
        },
    }


def bootstrap_template(stage: Stage) -> dict:
    names = Names(stage)
    return {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": f"{names.prefix}: what must exist before the code and image are uploaded",
        "Resources": {
            "InferenceRepository": {"Type": "AWS::ECR::Repository", "Properties": {
                "RepositoryName": names.repository(),
                "ImageScanningConfiguration": {"ScanOnPush": True},
                "ImageTagMutability": "IMMUTABLE",
                "EmptyOnDelete": True,
                "LifecyclePolicy": {"LifecyclePolicyText": json.dumps({"rules": [{
                    "rulePriority": 1, "description": "keep the last 10 images",
                    "selection": {"tagStatus": "any", "countType": "imageCountMoreThan",
                                  "countNumber": 10},
                    "action": {"type": "expire"}}]})},
            }},
            "ArtifactsBucket": {"Type": "AWS::S3::Bucket", "Properties": {
                "BucketName": names.bucket("artifacts"),
                "PublicAccessBlockConfiguration": {
                    "BlockPublicAcls": True, "IgnorePublicAcls": True,
                    "BlockPublicPolicy": True, "RestrictPublicBuckets": True},
                "BucketEncryption": {"ServerSideEncryptionConfiguration": [
                    {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]},
                "LifecycleConfiguration": {"Rules": [
                    {"Id": "expire-old-packages", "Status": "Enabled", "ExpirationInDays": 30}]},
            }},
        },
        "Outputs": {
            "RepositoryUri": {"Value": sub("${InferenceRepository.RepositoryUri}")},
            "ArtifactsBucketName": {"Value": {"Ref": "ArtifactsBucket"}},
        },
    }


def write_templates(stage_name: str, out_dir: Path | None = None) -> dict[str, Path]:
    """Write the stage's two templates; return their paths by kind."""
    stage = load_stage(stage_name)
    out_dir = out_dir or BUILD / stage_name
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"bootstrap": out_dir / "bootstrap.yaml", "merge": out_dir / "merge-template.yaml"}
    for kind, template in (("bootstrap", bootstrap_template(stage)), ("merge", merge_template(stage))):
        paths[kind].write_text("# Generated by infra/template.py; do not edit.\n"
                               + yaml.safe_dump(template, sort_keys=False, width=100))
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stage", required=True)
    parser.add_argument("--out-dir", type=Path)
    args = parser.parse_args(argv)
    for path in write_templates(args.stage, args.out_dir).values():
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
