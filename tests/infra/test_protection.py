"""Issue 17: rate limits (stage throttling, WAF) and the front end's security headers."""
from __future__ import annotations

import pytest

from infra.cfn import protection
from tests.infra.conftest import referenced_ids, resources_of_type

pytestmark = pytest.mark.slow  # packaging runs `chalice package` once per stage


def test_api_stage_is_throttled(packaged):
    api = packaged["template"]["Resources"]["RestAPI"]
    assert api["Type"] == "AWS::Serverless::Api"
    assert api["Properties"]["MethodSettings"] == [{
        "ResourcePath": "/*", "HttpMethod": "*",
        "ThrottlingRateLimit": protection.STAGE_RATE_PER_S,
        "ThrottlingBurstLimit": protection.STAGE_BURST}]


def test_a_waf_rate_rule_guards_the_api_stage_and_answers_429(packaged):
    template = packaged["template"]
    (acl,) = resources_of_type(template, "AWS::WAFv2::WebACL").values()
    rules = {r["Name"]: r for r in acl["Properties"]["Rules"]}
    assert acl["Properties"]["Scope"] == "REGIONAL"
    assert rules["all-per-address"]["Statement"]["RateBasedStatement"]["Limit"] == \
        protection.WAF_PER_ADDRESS_5_MIN
    auth = rules["auth-per-address"]["Statement"]["RateBasedStatement"]
    assert auth["AggregateKeyType"] == "IP" and auth["Limit"] == protection.WAF_AUTH_PER_ADDRESS_5_MIN
    assert all(r["Action"]["Block"]["CustomResponse"]["ResponseCode"] == 429 for r in rules.values())
    (association,) = resources_of_type(template, "AWS::WAFv2::WebACLAssociation").values()
    assert {"RestAPI", "ApiWebAcl"} <= referenced_ids(association["Properties"])


def test_front_end_distribution_sends_the_same_security_headers_as_the_local_server(packaged):
    from emotecare.security_headers import security_headers

    template = packaged["template"]
    (policy,) = resources_of_type(template, "AWS::CloudFront::ResponseHeadersPolicy").values()
    config = policy["Properties"]["ResponseHeadersPolicyConfig"]
    security = config["SecurityHeadersConfig"]
    csp = security["ContentSecurityPolicy"]["ContentSecurityPolicy"]["Fn::Sub"]
    local = security_headers("https://api.example", ["https://frames.example"])
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    # Stripe.js is the one script from elsewhere: it takes card details for Stripe.
    assert directives["script-src"] == "'self' https://js.stripe.com"
    assert directives["style-src"] == "'self'"
    assert "https://api.stripe.com" in directives["connect-src"].split()
    assert directives["frame-ancestors"] == "'none'"
    assert "execute-api.${AWS::Region}.amazonaws.com" in directives["connect-src"]
    assert "-frames-${AWS::AccountId}.s3" in directives["connect-src"]
    assert {"stun:", "turn:"} <= set(directives["connect-src"].split())
    assert security["FrameOptions"]["FrameOption"] == local["X-Frame-Options"]
    assert security["ReferrerPolicy"]["ReferrerPolicy"] == local["Referrer-Policy"]
    assert local["Strict-Transport-Security"].startswith(
        f"max-age={security['StrictTransportSecurity']['AccessControlMaxAgeSec']};")
    assert security["ContentTypeOptions"]["Override"] is True
    assert config["CustomHeadersConfig"]["Items"][0]["Value"] == local["Permissions-Policy"]
    (distribution,) = resources_of_type(template, "AWS::CloudFront::Distribution").values()
    behaviour = distribution["Properties"]["DistributionConfig"]["DefaultCacheBehavior"]
    assert behaviour["ResponseHeadersPolicyId"] == {"Ref": "FrontendSecurityHeaders"}
