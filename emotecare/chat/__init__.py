"""The chatbot engine: safety-first turns, guided techniques, pluggable reply backends.

API layer entry points:
- `ChatService(backend).start_conversation(state=None) -> ChatTurn` when the chat opens;
- `ChatService(backend).handle_message(state, text, country, therapist_name) -> ChatTurn`
  for every message; store `turn.state`, record `turn.safety_event` when present;
- `build_backend(name, bedrock_client_factory, model_id)` to pick the backend from settings;
- `new_state()` for an empty conversation state.
"""
from emotecare.chat.backend import BackendReply, BackendRequest, ChatBackend, ChatBackendError
from emotecare.chat.conversation_state import new_state
from emotecare.chat.factory import build_backend, build_chat_service
from emotecare.chat.local import LocalBackend
from emotecare.chat.service import DISCLOSURE, ChatService, ChatTurn
from emotecare.chat.techniques import UnknownTechniqueError, load_techniques

__all__ = ["DISCLOSURE", "BackendReply", "BackendRequest", "ChatBackend", "ChatBackendError", "ChatService",
           "ChatTurn", "LocalBackend", "UnknownTechniqueError", "build_backend", "build_chat_service",
           "load_techniques", "new_state"]
