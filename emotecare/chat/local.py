"""The default backend: rules and retrieval over our own corpus, no network.

It reflects back what it hears (feelings and what they're about), answers with a response
from the best-matching intent in `corpus/intents.json`, and offers a matching technique.
It remembers what the person said earlier in the conversation (the history window it is
given): a feeling named now is linked back to what they said it was about earlier.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from emotecare.chat.backend import BackendReply, BackendRequest
from emotecare.chat.techniques import get_technique
from emotecare.safety.normalise import normalise_text

CORPUS = Path(__file__).with_name("corpus") / "intents.json"
_WORD = re.compile(r"[a-z']+")
_SMALL_TALK = ("greeting", "thanks", "goodbye", "about_bot", "booking", "positive")


@lru_cache(maxsize=1)
def load_corpus() -> dict:
    """Return the intents corpus (read once, on first use)."""
    with CORPUS.open(encoding="utf-8") as handle:
        return json.load(handle)


class LocalBackend:
    """Reflective listening plus retrieval over the curated intents corpus."""

    name = "local"

    def __init__(self, corpus: dict | None = None):
        self._corpus = corpus

    @property
    def corpus(self) -> dict:
        return self._corpus or load_corpus()

    def generate(self, request: BackendRequest) -> BackendReply:
        """Reply to one message: reflection, intent response, and an offer where one fits."""
        normal = normalise_text(request.text)
        intent = match_intent(normal, self.corpus)
        pick = request.turn % 2  # vary the wording between turns, deterministically
        if intent is None:
            responses = self.corpus["fallback"]["responses"]
            reflection = reflect_feelings(normal, self.corpus)
            text = " ".join(p for p in (reflection, responses[request.turn % len(responses)]) if p)
            return BackendReply(text=text, intent=None)
        parts = [reflect_feelings(normal, self.corpus), intent["responses"][pick % len(intent["responses"])]]
        if intent["id"] not in _SMALL_TALK and not find_contexts(normal, self.corpus):
            earlier = earlier_context(request.history, self.corpus)
            if earlier:
                parts.insert(1, f"You mentioned {earlier} earlier. Is this connected to that?")
        offer = intent.get("offer")
        if offer:
            parts.append(get_technique(offer)["offer"])
        elif intent.get("booking") and intent["id"] not in ("booking", "about_bot"):
            parts.append("If it would help to talk it through properly, you could book a session with your therapist.")
        return BackendReply(text=" ".join(p for p in parts if p), intent=intent["id"],
                            topics=tuple(intent.get("topics", ())), offer_technique=offer,
                            offer_booking=bool(intent.get("booking")))


def match_intent(normal: str, corpus: dict) -> dict | None:
    """Return the intent whose keywords best cover the message, or None when nothing fits.

    Multi-word keywords count double (they are more specific); single words match as whole
    words or word prefixes ("worr" in "worrying").
    """
    words = _WORD.findall(normal)
    best, best_score = None, 0.0
    for intent in corpus["intents"]:
        score = 0.0
        for keyword in intent["keywords"]:
            if " " in keyword:
                score += 2.0 if re.search(rf"\b{re.escape(keyword)}\b", normal) else 0.0
            elif keyword in words or (len(keyword) >= 5 and any(w.startswith(keyword) for w in words)):
                score += 1.0
        if score > best_score:
            best, best_score = intent, score
    return best


def find_contexts(normal: str, corpus: dict) -> list[str]:
    """Return what the message is about (work, family, ...), as the corpus names it."""
    return [name for name, cues in corpus["contexts"].items()
            if any(re.search(rf"\b{re.escape(cue)}\b", normal) for cue in cues)]


def earlier_context(history: tuple[dict, ...], corpus: dict) -> str | None:
    """Return the most recent thing the person said a message was about, earlier in the conversation."""
    for message in reversed(history):
        if message.get("role") == "user":
            found = find_contexts(normalise_text(message.get("text", "")), corpus)
            if found:
                return found[0]
    return None


def reflect_feelings(normal: str, corpus: dict) -> str:
    """Return a reflective-listening sentence naming the feeling and what it is about, if heard."""
    feelings = [name for name, cues in corpus["feelings"].items()
                if any(re.search(rf"\b{re.escape(cue)}\b", normal) for cue in cues)]
    contexts = find_contexts(normal, corpus)
    if not feelings:
        return f"It sounds like {contexts[0]} is on your mind." if contexts else ""
    feeling = " and ".join(feelings[:2])
    if contexts:
        return f"It sounds like you're feeling {feeling}, and {contexts[0]} is a big part of it."
    return f"It sounds like you're feeling {feeling}."
