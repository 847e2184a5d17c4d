"""Guided self-help techniques, stepped through one turn at a time.

A technique in progress is a small dict (`{"id", "step", "answers"}`) kept in the
conversation state, so any server can pick the conversation up on the next turn. The
wording lives in `corpus/techniques.json`; this module only walks the steps.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from emotecare.errors import NotFoundError

CORPUS = Path(__file__).with_name("corpus") / "techniques.json"
_STOP = re.compile(
    r"^(?:stop|cancel|quit|exit|end|enough|no more)\b|\b(?:can we stop|let us stop|lets stop|"
    r"stop (?:this|the exercise|now)|something else|not now|do not want to do this|do not want to continue|"
    r"i want to stop|skip this)\b")
_QUESTION_ABOUT = re.compile(r"^(?:what|why|who|does|is|are) (?:is|are|does|do|was)?\b(?!.*\b(?:we|you) (?:do|try)\b)")
_NUMBER = re.compile(r"(?<![\d.])(\d{1,3})(?:\s*(?:/|out of)\s*\d+)?(?![\d.])")
_RANGES = {"rating_1_10": (1, 10), "rating_0_10": (0, 10), "rating_0_100": (0, 100)}
_RETRY = "Could you give me a number from {low} to {high}?"


class UnknownTechniqueError(NotFoundError):
    """A technique id that is not in the corpus."""

    def __init__(self, technique_id: object):
        super().__init__(f"no such technique {str(technique_id)[:80]!r}")
        self.technique_id = technique_id


@dataclass(frozen=True)
class TechniqueTurn:
    """The reply for one step, and the technique state to keep (None once finished)."""

    reply: str
    state: dict | None
    finished: bool = False
    answers: dict = field(default_factory=dict)


@lru_cache(maxsize=1)
def load_techniques() -> dict[str, dict]:
    """Return the technique definitions by id (read once, on first use)."""
    with CORPUS.open(encoding="utf-8") as handle:
        return {t["id"]: t for t in json.load(handle)["techniques"]}


def get_technique(technique_id: str) -> dict:
    """Return one technique definition, or raise `UnknownTechniqueError`."""
    try:
        return load_techniques()[technique_id]
    except KeyError:
        raise UnknownTechniqueError(technique_id) from None


def detect_technique_request(normal_text: str) -> str | None:
    """Return the id of a technique the person asks for by name ("can we do grounding?"), if any.

    A question about a technique ("what is CBT?") is not a request to start one.
    """
    if _QUESTION_ABOUT.search(normal_text):
        return None
    for technique_id, technique in load_techniques().items():
        if any(re.search(rf"\b{re.escape(trigger)}\b", normal_text) for trigger in technique["triggers"]):
            return technique_id
    return None


def is_stop_request(normal_text: str) -> bool:
    """Return True when the person wants to leave the technique in progress."""
    return bool(_STOP.search(normal_text))


def expects_number(state: dict) -> bool:
    """True when the technique in progress waits for a rating."""
    return get_technique(state["id"])["steps"][state["step"]]["expect"] in _RANGES


def answers_step(state: dict, answer: str) -> bool:
    """True when `answer` is a usable answer to the current step (a rating in range, or any text)."""
    expect = get_technique(state["id"])["steps"][state["step"]]["expect"]
    return expect == "text" or _read_answer(expect, answer) is not None


def mentions_number(answer: str) -> bool:
    """True when the reply holds a number at all, in range or not (an attempt at a rating)."""
    return bool(_NUMBER.search(answer))


def start_technique(technique_id: str) -> TechniqueTurn:
    """Begin a technique: the first prompt and a fresh technique state."""
    technique = get_technique(technique_id)
    state = {"id": technique_id, "step": 0, "answers": {}}
    return TechniqueTurn(reply=technique["steps"][0]["prompt"], state=state)


def advance_technique(state: dict, answer: str) -> TechniqueTurn:
    """Record `answer` for the current step and return the next prompt, or the closing."""
    technique = get_technique(state["id"])
    steps = technique["steps"]
    step = steps[state["step"]]
    value = _read_answer(step["expect"], answer)
    if value is None:
        low, high = _RANGES[step["expect"]]
        return TechniqueTurn(reply=_RETRY.format(low=low, high=high), state=state)
    answers = {**state["answers"], step["key"]: value}
    next_step = state["step"] + 1
    if next_step < len(steps):
        return TechniqueTurn(reply=steps[next_step]["prompt"],
                             state={"id": state["id"], "step": next_step, "answers": answers})
    return TechniqueTurn(reply=_build_closing(technique, answers), state=None, finished=True, answers=answers)


def _read_answer(expect: str, answer: str):
    """Return the answer as stored: stripped text, or an int inside the expected range."""
    text = answer.strip()
    if expect == "text":
        return text[:500] or "(no answer)"
    low, high = _RANGES[expect]
    for match in _NUMBER.finditer(text):
        number = int(match.group(1))
        if low <= number <= high:
            return number
    return None


def _build_closing(technique: dict, answers: dict) -> str:
    closing = technique["closing"].format_map(_Default(answers))
    if "tips" not in technique:
        return closing
    chosen = []
    for rule in technique["tips"]:
        said = str(answers.get(rule["key"], "")).lower()
        if any(word in said for word in rule["if_any"]) and rule["tip"] not in chosen:
            chosen.append(rule["tip"])
    chosen += technique["default_tips"][: max(0, 3 - len(chosen))]
    return closing + "\n" + "\n".join(f"- {tip}" for tip in chosen)


class _Default(dict):
    """Leave unknown placeholders readable rather than failing the whole reply."""

    def __missing__(self, key):
        return "..."
