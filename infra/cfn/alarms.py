"""CloudWatch alarms: anything in a dead-letter queue, Lambda errors and throttles, API 5xx."""
from __future__ import annotations

from emotecare.resources import dead_letter_queues
from infra.cfn.common import Names, logical_id, queue_id, ref
from infra.cfn.functions import Function



def _alarm(description: str, namespace: str, metric: str, dimensions: list[dict],
           threshold: float, statistic: str = "Sum", period_s: int = 300) -> dict:
    return {"Type": "AWS::CloudWatch::Alarm", "Properties": {
        "AlarmDescription": description, "Namespace": namespace, "MetricName": metric,
        "Dimensions": dimensions, "Statistic": statistic, "Period": period_s,
        "EvaluationPeriods": 1, "Threshold": threshold,
        "ComparisonOperator": "GreaterThanOrEqualToThreshold",
        "TreatMissingData": "notBreaching",
        "AlarmActions": [ref("AlarmTopic")], "OKActions": [ref("AlarmTopic")]}}


def alarms(names: Names, functions: list[Function], alarm_email: str, api_stage: str) -> dict:
    # Not encrypted with aws/sns: CloudWatch cannot publish to a topic under an AWS-managed
    # key, and alarm notices carry no personal data.
    topic: dict = {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": f"{names.prefix}-alarms"}}
    if alarm_email:
        topic["Properties"]["Subscription"] = [{"Protocol": "email", "Endpoint": alarm_email}]
    out = {"AlarmTopic": topic}
    for key in sorted(dead_letter_queues()):
        out[logical_id(key, "DepthAlarm")] = _alarm(
            f"Messages failed {key!r} processing and wait in its dead-letter queue",
            "AWS/SQS", "ApproximateNumberOfMessagesVisible",
            [{"Name": "QueueName", "Value": {"Fn::GetAtt": [queue_id(key), "QueueName"]}}],
            1, statistic="Maximum")
    for function in functions:
        dimension = [{"Name": "FunctionName", "Value": names.function(function.name)}]
        out[function.logical_id + "ErrorsAlarm"] = _alarm(
            f"{function.name}: invocations failed", "AWS/Lambda", "Errors", dimension, 1)
        out[function.logical_id + "ThrottlesAlarm"] = _alarm(
            f"{function.name}: invocations throttled", "AWS/Lambda", "Throttles", dimension, 1)
    out["Api5xxAlarm"] = _alarm(
        "The API answered 5xx", "AWS/ApiGateway", "5XXError",
        [{"Name": "ApiName", "Value": names.prefix}, {"Name": "Stage", "Value": api_stage}], 5)
    return out
