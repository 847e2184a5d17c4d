"""The interface every reply backend implements, and what it is given and returns.

Backends only ever see messages that have already passed the safety check; they never
decide on crisis handling. Techniques in progress are stepped by the service, not here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


class ChatBackendError(RuntimeError):
    """A backend could not produce a reply (network, throttling, bad response)."""


@dataclass(frozen=True)
class BackendRequest:
    """One turn's input: the new message and the recent history (oldest first)."""

    text: str
    history: tuple[dict, ...] = ()  # {"role": "user" | "assistant", "text": str}
    turn: int = 1


@dataclass(frozen=True)
class BackendReply:
    """A reply plus what it suggests: resource topics, a technique to offer, booking."""

    text: str
    intent: str | None = None
    topics: tuple[str, ...] = ()
    offer_technique: str | None = None
    offer_booking: bool = False
    source: str = "local"
    extra: dict = field(default_factory=dict)


class ChatBackend(Protocol):
    """Anything with `generate(request) -> BackendReply`."""

    name: str

    def generate(self, request: BackendRequest) -> BackendReply:
        """Return a reply to `request.text`."""
        ...
