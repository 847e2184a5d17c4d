"""Rate limits in front of the API: API Gateway stage throttling and a WAF rate-based rule.

These cap floods from anyone; the per-account and per-address limits on sign-in and codes
(`emotecare/accounts/throttle.py`, answered by the API itself) are far tighter. Both ends
answer 429. Figures are requests; WAF counts per client address over 5 minutes.
"""
from __future__ import annotations

from infra.cfn.common import Names, sub

STAGE_RATE_PER_S = 200  # steady requests per second, all callers together
STAGE_BURST = 400
WAF_PER_ADDRESS_5_MIN = 2000  # any route: ~6.7 requests/s from one address, sustained
WAF_AUTH_PER_ADDRESS_5_MIN = 300  # /auth/*: sign-in, sign-up, codes


def stage_throttling() -> dict:
    """Properties merged into Chalice's `RestAPI` (an AWS::Serverless::Api)."""
    return {"MethodSettings": [{"ResourcePath": "/*", "HttpMethod": "*",
                                "ThrottlingRateLimit": STAGE_RATE_PER_S,
                                "ThrottlingBurstLimit": STAGE_BURST}]}


def _rule(name: str, priority: int, limit: int, scope_down: dict | None = None) -> dict:
    statement = {"Limit": limit, "AggregateKeyType": "IP", "EvaluationWindowSec": 300}
    if scope_down:
        statement["ScopeDownStatement"] = scope_down
    return {
        "Name": name, "Priority": priority,
        "Statement": {"RateBasedStatement": statement},
        "Action": {"Block": {"CustomResponse": {
            "ResponseCode": 429, "CustomResponseBodyKey": "too-many-requests",
            "ResponseHeaders": [{"Name": "Retry-After", "Value": "300"}]}}},
        "VisibilityConfig": {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True,
                             "MetricName": name},
    }


def web_acl(names: Names, api_stage: str) -> dict:
    """A regional web ACL with per-address rate rules, attached to the API's stage."""
    auth_paths = {"ByteMatchStatement": {
        "FieldToMatch": {"UriPath": {}}, "PositionalConstraint": "CONTAINS",
        "SearchString": "/auth/", "TextTransformations": [{"Priority": 0, "Type": "LOWERCASE"}]}}
    return {
        "ApiWebAcl": {"Type": "AWS::WAFv2::WebACL", "Properties": {
            "Name": f"{names.prefix}-api", "Scope": "REGIONAL", "DefaultAction": {"Allow": {}},
            "CustomResponseBodies": {"too-many-requests": {
                "ContentType": "APPLICATION_JSON",
                "Content": '{"error": "Too many requests from your network. Try again in a few minutes."}'}},
            "Rules": [_rule("auth-per-address", 0, WAF_AUTH_PER_ADDRESS_5_MIN, auth_paths),
                      _rule("all-per-address", 1, WAF_PER_ADDRESS_5_MIN)],
            "VisibilityConfig": {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True,
                                 "MetricName": f"{names.prefix}-api"},
        }},
        "ApiWebAclAssociation": {"Type": "AWS::WAFv2::WebACLAssociation", "Properties": {
            "ResourceArn": sub("arn:${AWS::Partition}:apigateway:${AWS::Region}::/restapis/"
                               "${RestAPI}/stages/" + api_stage),
            "WebACLArn": sub("${ApiWebAcl.Arn}"),
        }, "DependsOn": [f"RestAPI{api_stage}Stage"]},
    }
