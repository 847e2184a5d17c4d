"""Replies from Amazon Bedrock through the Converse API.

The `bedrock-runtime` client is handed in (created lazily by whoever wires the app), so
tests can put a botocore Stubber on it and the domain never builds AWS clients itself.
"""
from __future__ import annotations

import logging

from botocore.exceptions import BotoCoreError, ClientError

from emotecare.chat.backend import BackendReply, BackendRequest, ChatBackendError

logger = logging.getLogger(__name__)

SYSTEM_PROMPT = """You are EmoteCare's supportive companion, an AI assistant on an online-therapy \
platform. You are not a therapist, doctor or crisis service, and you say so if asked.
Between the patient's therapy sessions you:
- listen and reflect back feelings in plain, warm, short replies (at most about 120 words);
- offer evidence-based self-help when it fits: 5-4-3-2-1 grounding, paced breathing, a CBT \
thought record, behavioural activation, sleep hygiene, and a mood check-in;
- suggest booking a session with their therapist for anything that needs a professional.
Never diagnose, never advise on medication doses, never describe methods of self-harm or \
suicide, and never promise confidentiality. If the person mentions wanting to die, hurting \
themselves or others, abuse or a medical emergency, tell them to contact emergency services \
or a crisis line now and that their therapist can be alerted.
Do not claim to remember anything outside this conversation."""

MAX_HISTORY_MESSAGES = 20


class BedrockBackend:
    """Converse-API replies with our system prompt and the recent conversation history."""

    name = "bedrock"

    def __init__(self, client, model_id: str, system_prompt: str = SYSTEM_PROMPT,
                 max_tokens: int = 400, temperature: float = 0.5):
        self._client = client
        self._model_id = model_id
        self._system_prompt = system_prompt
        self._max_tokens = max_tokens
        self._temperature = temperature

    def generate(self, request: BackendRequest) -> BackendReply:
        """Send the history plus the new message to Bedrock and return its text reply."""
        messages = map_history(request.history, request.text)
        try:
            response = self._client.converse(
                modelId=self._model_id,
                system=[{"text": self._system_prompt}],
                messages=messages,
                inferenceConfig={"maxTokens": self._max_tokens, "temperature": self._temperature},
            )
        except (ClientError, BotoCoreError) as exc:
            logger.warning("bedrock converse failed", extra={"model_id": self._model_id, "error": str(exc)})
            raise ChatBackendError(f"Bedrock call failed: {exc}") from exc
        text = _read_text(response)
        if not text:
            raise ChatBackendError("Bedrock returned no text")
        return BackendReply(text=text, source="bedrock",
                            extra={"stop_reason": response.get("stopReason"), "usage": response.get("usage", {})})


def map_history(history, new_text: str) -> list[dict]:
    """Turn our history into Converse messages: user first, roles alternating, text blocks.

    Converse rejects two messages in a row from one role and a conversation that starts with
    the assistant (our opening disclosure), so those are merged or dropped.
    """
    messages: list[dict] = []
    for item in list(history)[-MAX_HISTORY_MESSAGES:] + [{"role": "user", "text": new_text}]:
        role = "assistant" if item.get("role") == "assistant" else "user"
        text = (item.get("text") or "").strip()
        if not text or (not messages and role == "assistant"):
            continue
        if messages and messages[-1]["role"] == role:
            messages[-1]["content"][0]["text"] += "\n" + text
        else:
            messages.append({"role": role, "content": [{"text": text}]})
    return messages


def _read_text(response: dict) -> str:
    content = response.get("output", {}).get("message", {}).get("content", [])
    return "".join(block.get("text", "") for block in content).strip()
