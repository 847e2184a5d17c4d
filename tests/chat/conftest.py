"""Shared fixtures for chat tests: a stubbed bedrock-runtime client with fake credentials."""
import boto3
import pytest
from botocore.stub import Stubber


@pytest.fixture
def bedrock_client(monkeypatch):
    """A real bedrock-runtime client that can never reach AWS (fake credentials, Stubber on)."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "testing")
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    client = boto3.client("bedrock-runtime", region_name="us-east-1")
    with Stubber(client) as stubber:
        yield client, stubber


def converse_response(text: str) -> dict:
    """A minimal, valid Converse API response carrying `text`."""
    return {
        "output": {"message": {"role": "assistant", "content": [{"text": text}]}},
        "stopReason": "end_turn",
        "usage": {"inputTokens": 10, "outputTokens": 5, "totalTokens": 15},
        "metrics": {"latencyMs": 100},
    }
