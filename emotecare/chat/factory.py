"""Pick the reply backend from settings. The Bedrock client is made only when first needed."""
from __future__ import annotations

from typing import Callable

from emotecare.chat.backend import ChatBackend
from emotecare.chat.local import LocalBackend

BACKENDS = ("local", "bedrock")


class BackendConfigError(ValueError):
    """The settings name an unknown backend, or Bedrock without a model id."""


def build_backend(name: str = "local", bedrock_client_factory: Callable[[], object] | None = None,
                  model_id: str | None = None) -> ChatBackend:
    """Return the backend called `name`; for "bedrock", the factory is called here, once.

    `bedrock_client_factory` is the settings module's lazily-cached
    `boto3.client("bedrock-runtime")` getter; domain code never builds AWS clients itself.
    """
    choice = (name or "local").strip().lower()
    if choice == "local":
        return LocalBackend()
    if choice == "bedrock":
        if not model_id or bedrock_client_factory is None:
            raise BackendConfigError("the bedrock backend needs a model id and a bedrock-runtime client factory")
        from emotecare.chat.bedrock import BedrockBackend  # botocore only when Bedrock is on

        return BedrockBackend(bedrock_client_factory(), model_id)
    raise BackendConfigError(f"unknown chat backend {name!r}; choose one of {BACKENDS}")


def build_chat_service(name: str = "local", bedrock_client_factory: Callable[[], object] | None = None,
                       model_id: str | None = None):
    """Return a `ChatService` on the configured backend, with the local backend as fallback."""
    from emotecare.chat.service import ChatService

    return ChatService(build_backend(name, bedrock_client_factory, model_id))
