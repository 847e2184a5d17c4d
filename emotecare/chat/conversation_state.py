"""The conversation state: a plain, JSON-ready dict stored with the conversation.

Nothing about a conversation lives in process memory between turns; every turn loads the
dict, changes a copy and hands it back to be stored (DynamoDB later). Keep it small: the
history is a bounded window for the reply backend, not the transcript of record.
"""
from __future__ import annotations

import json

from emotecare.errors import ValidationError

STATE_VERSION = 1
HISTORY_LIMIT = 20  # messages kept for backend context (10 exchanges)
_MAX_STORED_CHARS = 2000  # per history message; the full text is the transcript's job


def new_state() -> dict:
    """Return the state of a conversation that has not started."""
    return {"version": STATE_VERSION, "turn": 0, "disclosed": False, "technique": None, "offered": None,
            "risk": {}, "history": [], "mood_checkins": [], "completed_techniques": [],
            "distress_turns": 0, "booking_offered": False}


def load_state(state: dict | None) -> dict:
    """Return a validated deep copy of `state` (a new state when None), filling missing keys."""
    if state is None:
        return new_state()
    if not isinstance(state, dict):
        raise ValidationError("state: must be an object", field="state")
    if state.get("version", STATE_VERSION) != STATE_VERSION:
        raise ValidationError(f"state: unsupported conversation state version {state.get('version')}", field="state")
    try:
        copied = json.loads(json.dumps(state))  # also proves it is plain, serialisable data
    except (TypeError, ValueError) as exc:
        raise ValidationError(f"state: is not JSON-serialisable: {exc}", field="state") from None
    return {**new_state(), **copied}


def append_history(state: dict, role: str, text: str) -> None:
    """Add one message to the bounded history window."""
    state["history"] = (state["history"] + [{"role": role, "text": text[:_MAX_STORED_CHARS]}])[-HISTORY_LIMIT:]
