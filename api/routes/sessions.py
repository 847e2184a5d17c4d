"""Session room routes: lifecycle, consent, signalling, upload grants and the emotion feed."""
from __future__ import annotations

import functools

from chalice import Blueprint, Response

from api import context
from api.routing import route
from emotecare import aws
from emotecare.pipeline.feed import parse_wait, read_feed
from emotecare.pipeline.summary import summarise_session
from emotecare.pipeline.grants import FrameUploads
from emotecare.pipeline.smoothing import SmoothingRules
from emotecare.sessions import consent, ice, lifecycle, signals

bp = Blueprint(__name__)


@functools.lru_cache(maxsize=1)
def _uploads() -> FrameUploads:
    settings = context.settings()
    return FrameUploads(aws.client("s3", settings), settings.frames_bucket,
                        settings.frame_grant_expiry_s)


def _smoothing_rules() -> SmoothingRules:
    s = context.settings()
    return SmoothingRules(window_s=s.feed_smoothing_s, threshold=s.distress_valence,
                          sustain_s=s.distress_seconds)


@route(bp, "/config/ice")
def ice_config(call):
    return ice.ice_config(call.user.user_id, context.settings())


@route(bp, "/config/network-test", methods=("POST",))
def network_test(call):
    """The camera check times this: empty for the round trip, ~200 KB of padding for upload."""
    return _ok({"received_bytes": len(str(call.body.get("padding", "")))})


@route(bp, "/sessions/{session_id}")
def get_session(call, session_id):
    session = lifecycle.load_session_for(call.user, session_id)
    return {**lifecycle.describe(session), **lifecycle.people_in(session)}


@route(bp, "/sessions/{session_id}/join", methods=("POST",))
def join(call, session_id):
    return _ok(lifecycle.join_session(call.user, session_id))


@route(bp, "/sessions/{session_id}/leave", methods=("POST",))
def leave(call, session_id):
    return _ok(lifecycle.leave_session(call.user, session_id))


@route(bp, "/sessions/{session_id}/end", methods=("POST",))
def end(call, session_id):
    return _ok(lifecycle.end_session(call.user, session_id,
                                     on_ended=context.booking_payments().session_ended))


@route(bp, "/sessions/{session_id}/consent", methods=("PUT",), roles=("patient",))
def put_consent(call, session_id):
    return consent.set_consent(call.user, session_id, call.body)


@route(bp, "/self-reflect", methods=("POST",), roles=("patient",))
def self_reflect(call):
    return lifecycle.start_self_reflect(call.user)


@route(bp, "/sessions/{session_id}/frames/grant", methods=("POST",), roles=("patient",))
def frames_grant(call, session_id):
    return _uploads().grant(call.user, session_id)


@route(bp, "/sessions/{session_id}/feed")
def feed(call, session_id):
    return read_feed(call.user, session_id, call.query.get("since"), _smoothing_rules(),
                     wait_s=parse_wait(call.query.get("wait")))


@route(bp, "/sessions/{session_id}/summary")
def summary(call, session_id):
    return summarise_session(call.user, session_id)


@route(bp, "/sessions/{session_id}/signals", methods=("POST",))
def post_signal(call, session_id):
    return signals.post_signal(call.user, session_id, call.body)


@route(bp, "/sessions/{session_id}/signals")
def get_signals(call, session_id):
    return signals.signals_since(call.user, session_id, call.query.get("since"))


def _ok(body: dict):
    """200 for POSTs that change state but create nothing (the router's POST default is 201)."""
    return Response(body=body, status_code=200)
