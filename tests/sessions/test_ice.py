"""ICE credentials without a stack: coturn's REST-API scheme and the Kinesis Video pool."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time

from botocore.stub import Stubber

from emotecare import aws
from emotecare.sessions.ice import coturn_credentials, ice_config
from emotecare.settings import Settings

BASE = dict(stage="test", region="eu-west-2", frames_bucket="f", reports_bucket="r",
            frames_queue_url="q", reports_queue_url="q", user_pool_id="p",
            user_pool_client_id="c", table_prefix="t", ice_servers='[{"urls": ["stun:s:3478"]}]')


def test_coturn_credentials_name_the_user_and_expire_within_an_hour():
    issued = coturn_credentials("s3cret", "user-1", ttl_s=86_400, now=1_000)
    assert issued["username"] == "4600:user-1" and issued["expires_at"] == 4600  # capped at 1 h
    expected = base64.b64encode(hmac.new(b"s3cret", b"4600:user-1", hashlib.sha1).digest()).decode()
    assert issued["credential"] == expected
    assert coturn_credentials("s3cret", "user-2", 600, now=1_000)["credential"] != expected


def test_without_a_relay_configured_only_the_stage_servers_are_given():
    body = ice_config("user-1", Settings(**BASE))
    assert body == {"ice_servers": [{"urls": ["stun:s:3478"]}], "turn_expires_at": None,
                    "relay": False}


def test_kinesis_video_turn_asks_the_users_channel_for_turn_credentials(monkeypatch):
    channel = "arn:aws:kinesisvideo:eu-west-2:123456789012:channel/emotecare-test-turn-0/1"
    settings = Settings(**BASE, turn_kvs_channels=json.dumps([channel]))
    aws.reset_clients()
    control = aws.client("kinesisvideo", settings)
    signalling = aws.client("kinesis-video-signaling", settings, endpoint_url="https://sig.example")
    with Stubber(control) as c, Stubber(signalling) as s:
        c.add_response("get_signaling_channel_endpoint", {"ResourceEndpointList": [
            {"Protocol": "HTTPS", "ResourceEndpoint": "https://sig.example"}]},
            {"ChannelARN": channel, "SingleMasterChannelEndpointConfiguration": {
                "Protocols": ["HTTPS"], "Role": "VIEWER"}})
        s.add_response("get_ice_server_config", {"IceServerList": [
            {"Uris": ["turn:a.example:443?transport=udp"], "Username": "u", "Password": "p",
             "Ttl": 300}]}, {"ChannelARN": channel, "ClientId": "user-1", "Service": "TURN"})
        body = ice_config("user-1", settings)
    aws.reset_clients()
    assert body["ice_servers"][1] == {"urls": ["turn:a.example:443?transport=udp"],
                                      "username": "u", "credential": "p"}
    assert body["relay"] is True and 0 < body["turn_expires_at"] - time.time() <= 300
