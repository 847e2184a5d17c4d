"""Safety check run on every chat message and journal entry before any reply."""
from emotecare.safety.classifier import NO_RISK, SafetyResult, check_message

__all__ = ["NO_RISK", "SafetyResult", "check_message"]
