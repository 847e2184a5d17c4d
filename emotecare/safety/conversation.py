"""Keep a risk check open across turns, so one "jk" does not switch it off.

After a crisis flag, people often take it back ("you misunderstood", "lol jk", "forget I
said anything") out of embarrassment or fear of consequences. Clinical guidance is to stay
with the person and ask directly, not to drop the subject. So a flag opens a risk check that
only closes after explicit safety confirmations on separate turns (are you safe now? will you
reach out if it comes back?), or when a clinician closes it. The state is a plain dict so it
can live in the conversation record between requests.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from emotecare.safety.check import check_message
from emotecare.safety.normalise import normalise_text
from emotecare.safety.rules import NO_RISK, SafetyResult

ASK_SAFE_NOW = "ask_safe_now"
ASK_REACH_OUT = "ask_reach_out"
CONFIRMATIONS_TO_CLOSE = 2

_RETRACTION = re.compile(
    r"\b(?:jk|just kidding|kidding|joking|joke|was a joke|misunderstood|misread|got it wrong|"
    r"did not mean (?:it|that)|not serious|not being serious|forget (?:it|that|i said|what i said|"
    r"about it)|never ?mind|nvm|chill|relax|calm down|overreact\w*|dramatic|exaggerat\w*|"
    r"whatever|drop it|i am fine|i am ok|i am okay|it is fine|it is nothing|nothing|lol|lmao|haha\w*)\b")
_SAFE = re.compile(
    r"\b(?:i am safe|i feel safe|i am safe now|i will (?:stay|be) safe|safe right now|"
    r"i am not going to (?:hurt|kill|harm) (?:myself|anyone)|i will not (?:hurt|harm|kill|act|do anything)|"
    r"no plans? to|not going to act on|i am not in danger|i have (?:people|someone) (?:with me|here)|"
    r"(?:my|a) (?:friend|partner|mum|mom|dad|sister|brother|wife|husband) is (?:with me|here)|"
    r"i will (?:call|text|reach out|contact|tell|talk to|ring)|i (?:have|got) (?:the|your) number|"
    r"i promise|i can keep myself safe)\b")
# While a check is open, words like these carry the earlier meaning: "I'm going to do it tonight".
_INTENT_WHILE_OPEN = re.compile(
    r"\b(?:going to|gonna|will|about to|ready to|want to) (?:do it|go through with it|go)\b|\b(?:goodbye|bye forever|"
    r"my mind is made up|i have decided|it is decided|no one can stop me|too late|already (?:took|done|started)|"
    r"i have the (?:pills|rope|gun|knife)|tonight is the night)\b")
_YES = re.compile(r"^(?:yes|yeah|yep|yup|ya|yea|sure|of course|definitely|ok|okay|promise)\b|^i (?:am|will|do|can)\s*[.!]*$")
_UNSAFE = re.compile(
    r"^(?:no|nope|nah|not really|i do not know|not sure|maybe|i can not|i will not|i doubt it|probably not|"
    r"i do not think so|not right now)\b|\b(?:i am not safe|not safe|do not feel safe)\b")


@dataclass(frozen=True)
class RiskAssessment:
    """One turn's verdict: the message check plus whether the risk check is still open."""

    result: SafetyResult
    risk_open: bool
    reply_kind: str  # "crisis" | "check_in" | "resolved" | "none"
    check_in_stage: str | None = None
    retraction: bool = False


class RiskConversation:
    """A conversation's open-or-closed risk check, rebuilt from and saved to a plain dict."""

    def __init__(self, state: dict | None = None):
        self.state = dict(state or {})
        self.state.setdefault("open", False)
        self.state.setdefault("category", None)
        self.state.setdefault("stage", None)
        self.state.setdefault("confirmations", 0)
        self.state.setdefault("retractions", 0)
        self.state.setdefault("turn", 0)
        self.state.setdefault("flagged_turn", None)

    def to_dict(self) -> dict:
        """Return the JSON-ready state to store with the conversation."""
        return dict(self.state)

    @property
    def is_open(self) -> bool:
        return bool(self.state["open"])

    def assess(self, text: str) -> RiskAssessment:
        """Check one incoming message in the light of the conversation so far."""
        self.state["turn"] += 1
        result = check_message(text)
        if result.crisis:
            return self._open(result)
        if not self.is_open:
            return RiskAssessment(result=NO_RISK, risk_open=False, reply_kind="none")
        return self._follow_up(normalise_text(text))

    def close_by_clinician(self) -> None:
        """Close the risk check after a clinician has spoken with the patient."""
        self._reset()

    def _open(self, result: SafetyResult) -> RiskAssessment:
        self.state.update(open=True, category=result.category, stage=ASK_SAFE_NOW,
                          confirmations=0, flagged_turn=self.state["turn"])
        return RiskAssessment(result=result, risk_open=True, reply_kind="crisis", check_in_stage=ASK_SAFE_NOW)

    def _follow_up(self, normal: str) -> RiskAssessment:
        stage = self.state["stage"]
        if _INTENT_WHILE_OPEN.search(normal) and not _SAFE.search(normal):
            return self._reflag("intent stated while the risk check was open")
        # A retraction is answered with a gentle question, never taken as the all-clear;
        # it is checked first so "lol jk I'm safe" does not count as a confirmation.
        if _RETRACTION.search(normal) and not _SAFE.search(normal.split("lol")[-1]):
            self.state["retractions"] += 1
            return RiskAssessment(result=NO_RISK, risk_open=True, reply_kind="check_in",
                                  check_in_stage=stage, retraction=True)
        if _SAFE.search(normal) or (_YES.search(normal) and not _UNSAFE.search(normal)):
            return self._confirm()
        if _UNSAFE.search(normal):
            return self._reflag("unsafe answer to the safety check-in")  # "no" to "are you safe?"
        return RiskAssessment(result=NO_RISK, risk_open=True, reply_kind="check_in", check_in_stage=stage)

    def _reflag(self, why: str) -> RiskAssessment:
        category = self.state["category"]
        return self._open(SafetyResult(crisis=True, category=category, evidence=(why,), categories=(category,)))

    def _confirm(self) -> RiskAssessment:
        self.state["confirmations"] += 1
        if self.state["confirmations"] >= CONFIRMATIONS_TO_CLOSE:
            self._reset()
            return RiskAssessment(result=NO_RISK, risk_open=False, reply_kind="resolved")
        self.state["stage"] = ASK_REACH_OUT
        return RiskAssessment(result=NO_RISK, risk_open=True, reply_kind="check_in", check_in_stage=ASK_REACH_OUT)

    def _reset(self) -> None:
        self.state.update(open=False, category=None, stage=None, confirmations=0, flagged_turn=None)
