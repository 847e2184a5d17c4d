"""The TURN relay on AWS: Kinesis Video Streams' managed STUN/TURN (docs/video.md says why).

The API asks one of a small pool of signalling channels for TURN credentials
(`GetIceServerConfig`, `emotecare/sessions/ice.py`); the pool exists because AWS limits that
call per channel, so users are spread over `turn_channels` channels by their id. Nothing
else runs: no servers, no ports to open, AWS scales the relays.
"""
from __future__ import annotations

import json

from infra.cfn.common import Names, sub
from infra.stages import Stage


def channel_ids(stage: Stage) -> list[str]:
    return [f"TurnChannel{i}" for i in range(int(stage.params["turn_channels"]))]


def channels(names: Names, stage: Stage) -> dict:
    return {cid: {"Type": "AWS::KinesisVideo::SignalingChannel", "Properties": {
        "Name": f"{names.prefix}-turn-{i}", "Type": "SINGLE_MASTER",
        # Only used for ICE credentials: the room's own signalling goes through the API.
        "MessageTtlSeconds": 60}} for i, cid in enumerate(channel_ids(stage))}


def channels_setting(stage: Stage) -> dict:
    """`Settings.turn_kvs_channels`: the pool's ARNs as a JSON list, resolved at deploy."""
    return sub(json.dumps(["${%s.Arn}" % cid for cid in channel_ids(stage)]))
