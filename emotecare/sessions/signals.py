"""WebRTC signalling by polling: each side posts offers/answers/candidates, the others poll.

A room of more than two is a mesh, one connection per pair: a message names its recipient
(`to`, a participant's user id) or goes to everyone (a "bye": joined or left), and a reader
gets only the messages meant for them.

Messages are keyed by (session, "<epoch ms>#<random>"), so `since` is a plain range-key
condition. Each side writes sequentially (it waits for its POST), so a reader that has seen
a message of the other side has also seen every earlier one of that side.
"""
from __future__ import annotations

import json
import secrets
from datetime import timedelta

from emotecare.accounts.tokens import Principal
from emotecare.clock import epoch_ms, utc_now
from emotecare.db.live import Signal
from emotecare.errors import ConflictError, ValidationError
from emotecare.fields import Fields
from emotecare.sessions.lifecycle import current_state, load_session_for

SIGNAL_TYPES = ("offer", "answer", "candidate", "bye")
MAX_PAYLOAD_BYTES = 16 * 1024  # an SDP offer with candidates is a few KB
KEEP_S = 24 * 3600
PAGE = 100


def post_signal(user: Principal, session_id: str, body: dict) -> dict:
    """Store one signalling message from the caller for the other participant."""
    f = Fields(body, ("type", "payload", "to"))
    kind, payload = f.choice("type", SIGNAL_TYPES), body.get("payload")
    recipient = f.text("to", max_len=64, default=None)  # a participant's user id, or everyone
    if len(json.dumps(payload)) > MAX_PAYLOAD_BYTES:
        raise ValidationError("payload too large", field="payload")
    session = load_session_for(user, session_id)
    if current_state(session) in ("ended", "no_show"):
        raise ConflictError("the session is over")
    now_ms = epoch_ms()
    signal = Signal(session_id, f"{now_ms:013d}#{secrets.token_hex(4)}", sender_id=user.user_id,
                    recipient_id=recipient, type=kind, payload=payload, expires_at=utc_now() + timedelta(seconds=KEEP_S))
    signal.save()
    return {"seq": signal.seq}


def signals_since(user: Principal, session_id: str, since: str | None) -> dict:
    """Messages for the caller from the others after `since`, oldest first, and the next cursor."""
    load_session_for(user, session_id)
    condition = Signal.seq > since if since else None
    messages = list(Signal.query(session_id, range_key_condition=condition, limit=PAGE))
    theirs = [{"seq": m.seq, "type": m.type, "payload": m.payload, "from": m.sender_id}
              for m in messages if m.sender_id != user.user_id
              and m.recipient_id in (None, user.user_id)]
    next_cursor = messages[-1].seq if messages else since
    return {"signals": theirs, "next": next_cursor}

