"""ICE servers for the session room: STUN, and a TURN relay with short-lived credentials.

Peer to peer alone fails behind symmetric NATs and strict firewalls, so every answer holds a
TURN entry when one is configured, with credentials that expire (at most an hour) and name
the user they were issued to:

- **coturn** (the local stack): the REST-API shared-secret scheme coturn checks itself
  (`--use-auth-secret`): username `"<unix expiry>:<user id>"`, credential
  `base64(HMAC-SHA1(secret, username))`. coturn refuses the username after its expiry.
- **Kinesis Video Streams' managed TURN** (AWS, docs/video.md says why): `GetIceServerConfig`
  on one of the stage's signalling channels, `ClientId` the user; AWS fixes the TTL at 300 s,
  so the room asks again before each (re)connection.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json

from emotecare.clock import epoch_s
from emotecare import aws
from emotecare.settings import Settings

MAX_TTL_S = 3600


def configured_servers(raw: str) -> list[dict]:
    """The stage's plain ICE servers (a JSON list of RTCIceServer objects, STUN usually)."""
    servers = json.loads(raw) if raw else []
    if not isinstance(servers, list):
        raise ValueError("ice_servers must be a JSON list")
    return servers


def coturn_credentials(secret: str, user_id: str, ttl_s: int, now: float | None = None) -> dict:
    """coturn REST-API credentials for `user_id`, valid `ttl_s` (capped at an hour) from now."""
    expires = int(now if now is not None else epoch_s()) + max(1, min(int(ttl_s), MAX_TTL_S))
    username = f"{expires}:{user_id}"
    digest = hmac.new(secret.encode(), username.encode(), hashlib.sha1).digest()
    return {"username": username, "credential": base64.b64encode(digest).decode(),
            "expires_at": expires}


class KinesisVideoTurn:
    """Managed TURN from a pool of signalling channels (the limit on GetIceServerConfig is
    per channel, so users are spread over the pool by their id)."""

    def __init__(self, settings: Settings, channel_arns: list[str]):
        self._settings, self._channels = settings, channel_arns

    def servers_for(self, user_id: str) -> tuple[list[dict], int]:
        channel = self._channels[int(hashlib.sha256(user_id.encode()).hexdigest(), 16) % len(self._channels)]
        endpoints = aws.client("kinesisvideo", self._settings).get_signaling_channel_endpoint(
            ChannelARN=channel, SingleMasterChannelEndpointConfiguration={
                "Protocols": ["HTTPS"], "Role": "VIEWER"})["ResourceEndpointList"]
        https = next(e["ResourceEndpoint"] for e in endpoints if e["Protocol"] == "HTTPS")
        signalling = aws.client("kinesis-video-signaling", self._settings, endpoint_url=https)
        answer = signalling.get_ice_server_config(ChannelARN=channel, ClientId=user_id[:256],
                                                  Service="TURN")
        servers = [{"urls": s["Uris"], "username": s["Username"], "credential": s["Password"]}
                   for s in answer["IceServerList"]]
        ttl = min([int(s.get("Ttl", MAX_TTL_S)) for s in answer["IceServerList"]] or [MAX_TTL_S])
        return servers, int(epoch_s()) + min(ttl, MAX_TTL_S)


def ice_config(user_id: str, settings: Settings) -> dict:
    """`GET /config/ice`: the stage's ICE servers, with TURN credentials for this user."""
    servers = configured_servers(settings.ice_servers)
    expires_at = None
    if settings.turn_urls and settings.turn_secret:
        turn = coturn_credentials(settings.turn_secret, user_id, settings.turn_credential_ttl_s)
        expires_at = turn.pop("expires_at")
        servers.append({"urls": json.loads(settings.turn_urls), **turn})
    elif settings.turn_kvs_channels:
        relayed, expires_at = KinesisVideoTurn(
            settings, json.loads(settings.turn_kvs_channels)).servers_for(user_id)
        servers += relayed
    return {"ice_servers": servers, "turn_expires_at": expires_at,
            "relay": expires_at is not None}
