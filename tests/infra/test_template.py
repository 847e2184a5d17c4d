"""The deployable template: Chalice's package merged with ours, linted, and what it declares."""
from __future__ import annotations

import pytest
from cfnlint.api import lint_file

from emotecare.db import table_suffix
from emotecare.db.registry import all_models
from emotecare.db.schema import ttl_attribute
from emotecare.resources import PLATFORM, dead_letter_queues
from emotecare.settings import load_settings
from infra.cfn.common import queue_id
from infra.cfn.functions import deployed_functions
from infra.stages import load_stage
from tests.infra.conftest import function_roles, referenced_ids, resources_of_type

pytestmark = pytest.mark.slow  # packaging runs `chalice package` once per stage


def _errors(path) -> list[str]:
    return [f"{m.rule.id} line {m.linenumber}: {m.message}" for m in lint_file(path)
            if m.rule.id.startswith("E")]


def test_merged_template_has_no_cfn_lint_errors(packaged):
    assert _errors(packaged["sam"]) == []
    assert _errors(packaged["bootstrap"]) == []


def test_every_function_has_code_so_no_override_missed_a_chalice_resource(packaged):
    # A merge-template key that Chalice did not generate would leave a function with no code.
    for fid, res in packaged["template"]["Resources"].items():
        props = res.get("Properties", {})
        if res.get("Type") == "AWS::Serverless::Function":
            assert props.get("CodeUri") and props.get("Handler"), fid
        elif res.get("Type") == "AWS::Lambda::Function":
            assert props["PackageType"] == "Image" and props["Code"]["ImageUri"] == {
                "Ref": "InferenceImageUri"}, fid
        else:
            assert "Type" in res, f"{fid} only exists in the merge template"


def test_queue_event_sources_read_our_queues_and_report_item_failures(packaged):
    template = packaged["template"]
    queues = resources_of_type(template, "AWS::SQS::Queue")
    consumed = []
    for fid, res in resources_of_type(template, "AWS::Serverless::Function").items():
        for event in res["Properties"].get("Events", {}).values():
            if event["Type"] == "SQS":
                props = event["Properties"]
                assert props["Queue"] == {"Fn::Sub": "${%s.Arn}" % next(iter(referenced_ids(props["Queue"])))}
                consumed += list(referenced_ids(props["Queue"]))
                assert props["FunctionResponseTypes"] == ["ReportBatchItemFailures"], fid
    for mapping in resources_of_type(template, "AWS::Lambda::EventSourceMapping").values():
        props = mapping["Properties"]
        assert props["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
        assert props["BatchSize"] >= 1 and props["ScalingConfig"]["MaximumConcurrency"] >= 2
        consumed += list(referenced_ids(props["EventSourceArn"]))
    assert set(consumed) <= set(queues)
    # Every queue that is not a dead-letter queue has exactly one consumer.
    working = {k for k, v in queues.items()
               if not v["Properties"]["QueueName"].endswith(tuple(f"-{d}" for d in dead_letter_queues()))}
    assert sorted(consumed) == sorted(working)


def test_function_timeouts_fit_their_queues_visibility(packaged):
    template = packaged["template"]
    res = template["Resources"]
    for fid, function in res.items():
        if function["Type"] == "AWS::Serverless::Function":
            for event in function["Properties"].get("Events", {}).values():
                if event["Type"] == "SQS":
                    (queue,) = referenced_ids(event["Properties"]["Queue"])
                    assert function["Properties"]["Timeout"] <= res[queue]["Properties"]["VisibilityTimeout"]
    for mapping in resources_of_type(template, "AWS::Lambda::EventSourceMapping").values():
        (queue,) = referenced_ids(mapping["Properties"]["EventSourceArn"])
        (fid,) = referenced_ids(mapping["Properties"]["FunctionName"])
        assert res[fid]["Properties"]["Timeout"] <= res[queue]["Properties"]["VisibilityTimeout"]
        assert res[fid]["Properties"]["ReservedConcurrentExecutions"] >= mapping["Properties"][
            "ScalingConfig"]["MaximumConcurrency"]


def _resolved(value):
    """Intrinsics replaced by a plausible string, to feed the environment to `load_settings`."""
    return "resolved-" + "-".join(sorted(referenced_ids(value))) if isinstance(value, dict) else str(value)


def test_every_function_environment_loads_settings(packaged):
    for fid in function_roles(packaged["template"]):
        variables = packaged["template"]["Resources"][fid]["Properties"]["Environment"]["Variables"]
        env = {k: _resolved(v) for k, v in variables.items()}
        settings = load_settings({**env, "AWS_REGION": "eu-west-2"})  # Lambda sets AWS_REGION
        assert settings.stage == packaged["stage"]
        assert settings.table_prefix == f"emotecare-{packaged['stage']}"
        assert settings.aws_endpoint is None, "functions on AWS talk to AWS itself"


def test_tables_are_on_demand_encrypted_recoverable_and_expire_where_the_model_does(packaged):
    tables = {r["Properties"]["TableName"]: r for r in resources_of_type(
        packaged["template"], "AWS::DynamoDB::Table").values()}
    assert len(tables) == len(all_models())
    for model in all_models():
        table = tables[f"emotecare-{packaged['stage']}-{table_suffix(model)}"]
        props = table["Properties"]
        assert props["BillingMode"] == "PAY_PER_REQUEST"
        assert props["SSESpecification"] == {"SSEEnabled": True}
        assert props["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
        assert table["DeletionPolicy"] == "Retain"
        expected_ttl = ttl_attribute(model)
        assert props.get("TimeToLiveSpecification", {}).get("AttributeName") == expected_ttl


def test_frames_bucket_is_private_encrypted_expiring_and_takes_uploads_from_the_front_end_only(packaged):
    resources = packaged["template"]["Resources"]
    frames = resources["FramesBucket"]["Properties"]
    assert all(frames["PublicAccessBlockConfiguration"].values())
    assert frames["BucketEncryption"]["ServerSideEncryptionConfiguration"][0][
        "ServerSideEncryptionByDefault"]["SSEAlgorithm"] in ("AES256", "aws:kms")
    assert frames["LifecycleConfiguration"]["Rules"][0]["ExpirationInDays"] == 1
    (cors,) = frames["CorsConfiguration"]["CorsRules"]
    assert cors["AllowedOrigins"] == [{"Fn::Sub": "https://${FrontendDistribution.DomainName}"}]
    (notification,) = frames["NotificationConfiguration"]["QueueConfigurations"]
    assert notification["Event"] == "s3:ObjectCreated:*"
    assert notification["Filter"]["S3Key"]["Rules"] == PLATFORM.bucket("frames").notification_filter_rules()
    policy = resources["FramesQueuePolicy"]["Properties"]["PolicyDocument"]["Statement"][0]
    assert policy["Principal"] == {"Service": "s3.amazonaws.com"} and policy["Action"] == "sqs:SendMessage"
    assert "FramesQueuePolicy" in resources["FramesBucket"]["DependsOn"]


def test_front_end_is_served_over_https_only_through_origin_access_control(packaged):
    resources = packaged["template"]["Resources"]
    config = resources["FrontendDistribution"]["Properties"]["DistributionConfig"]
    assert config["DefaultCacheBehavior"]["ViewerProtocolPolicy"] == "https-only"
    (origin,) = config["Origins"]
    assert referenced_ids(origin["OriginAccessControlId"]) == {"SiteOriginAccessControl"}
    assert all(resources["SiteBucket"]["Properties"]["PublicAccessBlockConfiguration"].values())
    (allow,) = [s for s in resources["SiteBucketPolicy"]["Properties"]["PolicyDocument"]["Statement"]
                if s["Effect"] == "Allow"]
    assert allow["Principal"] == {"Service": "cloudfront.amazonaws.com"}
    assert "FrontendDistribution" in referenced_ids(allow["Condition"])


def test_alarms_watch_dead_letters_function_errors_throttles_and_api_5xx(packaged):
    template = packaged["template"]
    alarms = resources_of_type(template, "AWS::CloudWatch::Alarm").values()
    watched = {(a["Properties"]["MetricName"], str(a["Properties"]["Dimensions"][0]["Value"]))
               for a in alarms}
    names = {fid: template["Resources"][fid]["Properties"]["FunctionName"]
             for fid in function_roles(template)}
    for name in names.values():
        assert ("Errors", name) in watched and ("Throttles", name) in watched
    for key in dead_letter_queues():
        assert ("ApproximateNumberOfMessagesVisible",
                str({"Fn::GetAtt": [queue_id(key), "QueueName"]})) in watched
    assert ("5XXError", f"emotecare-{packaged['stage']}") in watched


def test_cognito_pool_has_the_platform_groups_and_a_public_client(packaged):
    template = packaged["template"]
    groups = {g["Properties"]["GroupName"] for g in resources_of_type(
        template, "AWS::Cognito::UserPoolGroup").values()}
    assert groups == set(PLATFORM.user_pool.groups)
    (client,) = resources_of_type(template, "AWS::Cognito::UserPoolClient").values()
    assert client["Properties"]["GenerateSecret"] is False
    assert set(client["Properties"]["ExplicitAuthFlows"]) == set(PLATFORM.user_pool.auth_flows)


def test_api_preflight_allows_only_the_front_ends_origin(packaged):
    paths = packaged["template"]["Resources"]["RestAPI"]["Properties"]["DefinitionBody"]["paths"]
    preflights = [p["options"] for p in paths.values() if "options" in p]
    assert preflights
    for options in preflights:
        assert options["x-amazon-apigateway-integration"]["type"] == "mock"
        headers = options["x-amazon-apigateway-integration"]["responses"]["default"]["responseParameters"]
        assert headers["method.response.header.Access-Control-Allow-Origin"] == {
            "Fn::Sub": "'https://${FrontendDistribution.DomainName}'"}


def test_function_sizes_come_from_the_stage_parameters(packaged):
    stage = load_stage(packaged["stage"])
    resources = packaged["template"]["Resources"]
    for function in deployed_functions():
        props = resources[function.logical_id]["Properties"]
        expected = stage.params["inference"] if function.name == "inference" else stage.function(function.name)
        assert (props["MemorySize"], props["Timeout"]) == (expected["memory_mb"], expected["timeout_s"])
        assert props["FunctionName"] == f"emotecare-{stage.name}-{function.name}"


def test_the_api_gets_turn_credentials_from_the_stages_pool_of_signalling_channels(packaged):
    template = packaged["template"]
    channels = resources_of_type(template, "AWS::KinesisVideo::SignalingChannel")
    assert len(channels) == load_stage(packaged["stage"]).params["turn_channels"] >= 1
    env = template["Resources"]["APIHandler"]["Properties"]["Environment"]["Variables"]
    assert referenced_ids(env["EMOTECARE_TURN_KVS_CHANNELS"]) == set(channels)
    assert "EMOTECARE_TURN_SECRET" not in env  # no shared secret on AWS: AWS issues the credentials
