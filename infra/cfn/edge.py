"""What users meet: the Cognito user pool, the SES sender, the front end on S3 + CloudFront."""
from __future__ import annotations

from emotecare import security_headers as headers
from emotecare.resources import PLATFORM, bucket_name
from infra.cfn.common import ACCOUNT, Names, arn, private_bucket_properties, ref, sub

FRONTEND_URL = sub("https://${FrontendDistribution.DomainName}")
# AWS-managed CloudFront cache policy "CachingOptimized".
_CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6"


def user_pool(names: Names) -> dict:
    spec = PLATFORM.user_pool
    out = {
        "UserPool": {"Type": "AWS::Cognito::UserPool", "DeletionPolicy": "Retain",
                     "UpdateReplacePolicy": "Retain", "Properties": {
            "UserPoolName": names.user_pool(),
            "UsernameAttributes": ["email"],
            "AutoVerifiedAttributes": list(spec.auto_verified_attributes),
            "Policies": {"PasswordPolicy": {
                "MinimumLength": spec.password_min_length, "RequireLowercase": True,
                "RequireUppercase": True, "RequireNumbers": True, "RequireSymbols": False}},
            "AccountRecoverySetting": {"RecoveryMechanisms": [
                {"Name": "verified_email", "Priority": 1}]},
        }},
        "UserPoolClient": {"Type": "AWS::Cognito::UserPoolClient", "Properties": {
            "UserPoolId": ref("UserPool"), "ClientName": "web", "GenerateSecret": False,
            "ExplicitAuthFlows": list(spec.auth_flows),
            "PreventUserExistenceErrors": "ENABLED",
        }},
    }
    for group in spec.groups:
        out[f"UserGroup{group.capitalize()}"] = {"Type": "AWS::Cognito::UserPoolGroup", "Properties": {
            "UserPoolId": ref("UserPool"), "GroupName": group}}
    return out


def sender(stage) -> dict:
    """The address mail is sent from (verified by SES; out of the sandbox on request)."""
    return {"SenderIdentity": {"Type": "AWS::SES::EmailIdentity", "Properties": {
        "EmailIdentity": stage.params["sender_email"]}}}


def frontend(names: Names) -> dict:
    """A private bucket only CloudFront may read (origin access control), served over HTTPS."""
    return {
        "SiteBucket": {"Type": "AWS::S3::Bucket",
                       "Properties": private_bucket_properties(names.bucket("site"))},
        "SiteOriginAccessControl": {"Type": "AWS::CloudFront::OriginAccessControl", "Properties": {
            "OriginAccessControlConfig": {
                "Name": f"{names.prefix}-site", "OriginAccessControlOriginType": "s3",
                "SigningBehavior": "always", "SigningProtocol": "sigv4"}}},
        "FrontendDistribution": {"Type": "AWS::CloudFront::Distribution", "Properties": {
            "DistributionConfig": {
                "Enabled": True, "Comment": f"{names.prefix} front end",
                "DefaultRootObject": "index.html", "HttpVersion": "http2", "PriceClass": "PriceClass_100",
                "Origins": [{"Id": "site", "DomainName": sub("${SiteBucket.RegionalDomainName}"),
                             "OriginAccessControlId": sub("${SiteOriginAccessControl.Id}"),
                             "S3OriginConfig": {"OriginAccessIdentity": ""}}],
                "DefaultCacheBehavior": {
                    "TargetOriginId": "site", "ViewerProtocolPolicy": "https-only",
                    "CachePolicyId": _CACHING_OPTIMIZED, "Compress": True,
                    "AllowedMethods": ["GET", "HEAD"],
                    "ResponseHeadersPolicyId": ref("FrontendSecurityHeaders")},
            }}},
        "FrontendSecurityHeaders": security_headers_policy(names),
        "SiteBucketPolicy": {"Type": "AWS::S3::BucketPolicy", "Properties": {
            "Bucket": ref("SiteBucket"),
            "PolicyDocument": {"Version": "2012-10-17", "Statement": [{
                "Sid": "CloudFrontReadsSite", "Effect": "Allow",
                "Principal": {"Service": "cloudfront.amazonaws.com"}, "Action": "s3:GetObject",
                "Resource": sub("${SiteBucket.Arn}/*"),
                "Condition": {"StringEquals": {"AWS:SourceArn": sub(
                    "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${FrontendDistribution}")}},
            }, {
                "Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                "Resource": [arn("SiteBucket"), sub("${SiteBucket.Arn}/*")],
                "Condition": {"Bool": {"aws:SecureTransport": "false"}},
            }]},
        }},
    }


def security_headers_policy(names: Names) -> dict:
    """The same headers as the local front-end server (`emotecare.security_headers`).

    The API and the frames bucket depend on the distribution (CORS names its origin), so
    the CSP names them without referring to them: any API Gateway endpoint of the region,
    and the frames bucket by its (derived) name.
    """
    frames = bucket_name(names.stage.name, ACCOUNT, "frames")
    csp = headers.content_security_policy(
        "https://*.execute-api.${AWS::Region}.amazonaws.com",
        [f"https://{frames}.s3.amazonaws.com", f"https://{frames}.s3.${{AWS::Region}}.amazonaws.com"])
    return {"Type": "AWS::CloudFront::ResponseHeadersPolicy", "Properties": {
        "ResponseHeadersPolicyConfig": {
            "Name": f"{names.prefix}-security-headers",
            "SecurityHeadersConfig": {
                "ContentSecurityPolicy": {"ContentSecurityPolicy": sub(csp), "Override": True},
                "ContentTypeOptions": {"Override": True},
                "FrameOptions": {"FrameOption": headers.FRAME_OPTIONS, "Override": True},
                "ReferrerPolicy": {"ReferrerPolicy": headers.REFERRER_POLICY, "Override": True},
                "StrictTransportSecurity": {"AccessControlMaxAgeSec": headers.HSTS_MAX_AGE_S,
                                            "IncludeSubdomains": True, "Override": True},
            },
            "CustomHeadersConfig": {"Items": [{"Header": "Permissions-Policy", "Override": True,
                                               "Value": headers.PERMISSIONS_POLICY}]},
        }}}


def api_preflight_origin() -> dict:
    """Merge-template keys making every CORS preflight name the front end, not Chalice's "*".

    Chalice writes the origin it saw at packaging time into each path's mock OPTIONS
    integration; the real responses name the front end (EMOTECARE_CORS_ORIGIN), so the
    preflight must too. Paths are the app's routes with CORS, as Chalice emits them.
    """
    import app as chalice_app

    origin = sub("'https://${FrontendDistribution.DomainName}'")
    paths = sorted(path for path, methods in chalice_app.app.routes.items()
                   if any(entry.cors for entry in methods.values()))
    return {path: {"options": {"x-amazon-apigateway-integration": {"responses": {"default": {
        "responseParameters": {"method.response.header.Access-Control-Allow-Origin": origin}}}}}}
        for path in paths}
