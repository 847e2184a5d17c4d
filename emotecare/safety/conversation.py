"""Read the conversation, not one message: the risk check across the last few turns.

- A crisis message always gets the crisis answer at once, whatever came before.
- The check remembers the question it last asked, so a bare answer is read against it: "yes"
  to "are you thinking of ending your life?" escalates to active ideation; "no" to "are you
  safe right now?" re-opens the crisis; "yes" closes the check in two steps (safe now, will
  reach out if it comes back).
- "I'm safe, you misunderstood" takes the flag back: the check closes and a retraction (with
  its time and the flag it takes back) is recorded for the therapist. A bare "lol jk" is met
  with one direct question, never a loop.
- Any other message while a check is open is an ordinary message and gets an ordinary reply
  ("My cat died last week too" is not asked "Are you safe right now?" again); the check stays
  open silently, so stated intent ("I have the pills") still re-opens the crisis.
- Risk spread over turns ("I can't do this anymore" ... "I've got the pills saved") is read by
  checking the last few user turns together (while no check is open), once the newest turn carries
  some risk itself; the
  joined turns count only when the model is sure (its `sure_threshold`), since ordinary answers in
  an exercise ("I'm going to mess this up", "I stumbled last time") otherwise add up to a flag.
The state is a plain dict so it can live in the conversation record between requests.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from emotecare.safety.check import check_message
from emotecare.safety.levels import (ACTIVE_IDEATION, DISTRESS, METHOD_INTENT_PLAN, NONE, PASSIVE_IDEATION,
                                     has_risk_cue, more_urgent)
from emotecare.safety.model import load_model
from emotecare.safety.normalise import normalise_text
from emotecare.safety.rules import NO_RISK, SafetyResult

ASK_SAFE_NOW = "ask_safe_now"
ASK_REACH_OUT = "ask_reach_out"
ASK_IDEATION = "ask_ideation"  # "are you having thoughts of ending your life?" (C-SSRS question 2)
RECENT_TURNS = 2  # earlier user turns read together with the newest one
_RECENT_CHARS = 600
# The newest turn must carry at least this share of the crisis threshold on its own before the
# turns are read together: two ordinary messages joined must not add up to a crisis.
JOINED_MIN_SHARE = 0.5
# A distress message scoring at least this share of the crisis threshold gets the direct question.
ASK_IDEATION_SHARE = 0.6
EXERCISE_REPLY_WORDS = 3

_RETRACTION = re.compile(
    r"\b(?:jk|just kidding|kidding|joking|joke|was a joke|misunderstood|misread|misunderstanding|got it wrong|"
    r"did not mean (?:it|that)|not serious|not being serious|forget (?:it|that|i said|what i said|about it)|"
    r"never ?mind|nvm|overreact\w*|dramatic|exaggerat\w*|drop it|i am fine|i am ok|i am okay|it is fine|"
    r"it is nothing|lol|lmao|haha\w*|figure of speech|did not mean literally|not literally)\b")
_SAFE = re.compile(
    r"\b(?:i am safe|i feel safe|i am safe now|i will (?:stay|be) safe|safe right now|"
    r"i am not going to (?:hurt|kill|harm) (?:myself|anyone)|i will not (?:hurt|harm|kill|act|do anything)|"
    r"no plans? to|not going to act on|i am not in danger|i have (?:people|someone) (?:with me|here)|"
    r"(?:my|a) (?:friend|partner|mum|mom|dad|sister|brother|wife|husband) is (?:with me|here)|"
    r"i will (?:call|text|reach out|contact|tell|talk to|ring)|i (?:have|got) (?:the|your) number|"
    r"i promise|i can keep myself safe|not suicidal|i do not want to die|not in any danger)\b")
# While a check is open, words like these carry the earlier meaning: "I'm going to do it tonight".
_INTENT_WHILE_OPEN = re.compile(
    r"\b(?:going to|gonna|will|about to|ready to|want to) (?:do it|go through with it)\b|\b(?:goodbye|bye forever|"
    r"my mind is made up|i have decided|it is decided|no one can stop me|too late|already (?:took|done|started)|"
    r"i have the (?:pills|rope|gun|knife)|tonight is the night)\b")
_YES = re.compile(r"^(?:yes|yeah|yep|yup|ya|yea|sure|of course|definitely|ok|okay|promise|i do|i am|i have|"
                  r"sometimes|a bit|a little|kind of|kinda)\b|^i (?:am|will|do|can)\s*[.!]*$")
_NO = re.compile(r"^(?:no|nope|nah|not really|never|i am not|i do not|not at all)\b")
_UNSAFE = re.compile(
    r"^(?:no|nope|nah|not really|i do not know|not sure|maybe|i can not|i will not|i doubt it|probably not|"
    r"i do not think so|not right now)\b|\b(?:i am not safe|not safe|do not feel safe)\b")


@dataclass(frozen=True)
class RiskAssessment:
    """One turn's verdict: the message check read in context, and what kind of reply it needs.

    reply_kind: "crisis" | "check_in" | "resolved" | "retracted" | "distress" | "none".
    """

    result: SafetyResult
    risk_open: bool
    reply_kind: str
    check_in_stage: str | None = None
    retraction: bool = False
    ask_ideation: bool = False  # a distress reply that also asks the direct question
    retracted_level: str | None = None  # for a retraction: the level of the flag it takes back

    @property
    def level(self) -> str:
        return self.result.level


class RiskConversation:
    """A conversation's risk check, rebuilt from and saved to a plain dict."""

    def __init__(self, state: dict | None = None):
        self.state = dict(state or {})
        for key, default in (("open", False), ("category", None), ("level", None), ("stage", None),
                             ("confirmations", 0), ("retractions", 0), ("turn", 0), ("flagged_turn", None),
                             ("flag_event_id", None), ("asked", None), ("recent", [])):
            self.state.setdefault(key, default)

    def to_dict(self) -> dict:
        """Return the JSON-ready state to store with the conversation."""
        return dict(self.state)

    @property
    def is_open(self) -> bool:
        return bool(self.state["open"])

    def remember_flag_event(self, event_id: str | None) -> None:
        """Keep the stored id of the crisis flag, so a later retraction can name the event it takes back."""
        self.state["flag_event_id"] = event_id

    def assess(self, text: str, answering_exercise: bool = False) -> RiskAssessment:
        """Check one incoming message in the light of the conversation so far.

        `answering_exercise`: the bot's last turn was an exercise step waiting for an answer. A bare
        reply of a few words there ("done", "ok done") is read as the answer unless the model is
        sure or a C-SSRS cue stands: the model alone reads a bare "done" as "I'm done".
        """
        self.state["turn"] += 1
        asked, self.state["asked"] = self.state["asked"], None
        result = check_message(text)
        normal = normalise_text(text)
        if (answering_exercise and result.crisis and len(normal.split()) <= EXERCISE_REPLY_WORDS
                and result.score < load_model().sure_threshold and not has_risk_cue(text)):
            result = SafetyResult(crisis=False, score=result.score, evidence=(*result.evidence, "read as an exercise answer"))
        if not result.crisis:
            result = self._read_with_recent_turns(text, result)
        self._remember(text)
        if result.crisis and self.is_open and _INTENT_WHILE_OPEN.search(normal) and not _SAFE.search(normal):
            result = replace(result, level=more_urgent(result.level, METHOD_INTENT_PLAN))
        if result.crisis:
            return self._open(result)
        if asked == ASK_IDEATION and _YES.search(normal) and not _NO.search(normal):
            return self._open(SafetyResult(crisis=True, category="suicidal_ideation", categories=("suicidal_ideation",),
                                           evidence=("yes to: are you thinking of ending your life?",),
                                           level=ACTIVE_IDEATION, score=result.score))
        if self.is_open:
            followed = self._follow_up(normal, asked)
            if followed is not None:
                return followed
        if result.level == DISTRESS:
            ask = result.score >= ASK_IDEATION_SHARE * load_model().threshold and not self.is_open
            if ask:
                self.state["asked"] = ASK_IDEATION
            return RiskAssessment(result=result, risk_open=self.is_open, reply_kind="distress", ask_ideation=ask)
        return RiskAssessment(result=replace(result, level=NONE), risk_open=self.is_open, reply_kind="none")

    def close_by_clinician(self) -> None:
        """Close the risk check after a clinician has spoken with the patient."""
        self._reset()

    def _read_with_recent_turns(self, text: str, alone: SafetyResult) -> SafetyResult:
        recent = self.state["recent"]
        if self.is_open or not recent or alone.score < JOINED_MIN_SHARE * load_model().threshold:
            return alone
        joined = check_message("\n".join([*recent, text]))
        if not joined.crisis or joined.score < load_model().sure_threshold:
            return alone  # read together, turns need the model to be sure: answers in an exercise add up otherwise
        return replace(joined, evidence=(*joined.evidence, f"read with the last {len(recent)} turn(s)"))

    def _remember(self, text: str) -> None:
        self.state["recent"] = [*self.state["recent"], text[:_RECENT_CHARS]][-RECENT_TURNS:]

    def _open(self, result: SafetyResult) -> RiskAssessment:
        level = result.level if not self.is_open else more_urgent(result.level, self.state["level"] or PASSIVE_IDEATION)
        result = replace(result, level=level)
        # The flagged turns are not read again with later ones: while open, each message stands alone.
        self.state.update(open=True, category=result.category, level=level, stage=ASK_SAFE_NOW, asked=ASK_SAFE_NOW,
                          confirmations=0, flagged_turn=self.state["turn"], recent=[])
        return RiskAssessment(result=result, risk_open=True, reply_kind="crisis", check_in_stage=ASK_SAFE_NOW)

    def _follow_up(self, normal: str, asked: str | None) -> RiskAssessment | None:
        """Return the reply to a message while the check is open, or None for an ordinary message."""
        safe = bool(_SAFE.search(normal))
        if _INTENT_WHILE_OPEN.search(normal) and not safe:
            return self._reflag("intent stated while the risk check was open", METHOD_INTENT_PLAN)
        retracting = bool(_RETRACTION.search(normal))
        if retracting and safe and not _UNSAFE.search(normal.split("lol")[-1]):
            return self._retract(closed=True)
        if retracting:
            # "lol jk" alone: one direct question, not the all-clear, and never asked twice in a row.
            self.state["retractions"] += 1
            if asked == ASK_SAFE_NOW and self.state["retractions"] > 1:
                return None
            self.state["asked"] = ASK_SAFE_NOW
            return RiskAssessment(result=NO_RISK, risk_open=True, reply_kind="check_in", check_in_stage=ASK_SAFE_NOW,
                                  retraction=True, retracted_level=self.state["level"])
        if asked in (ASK_SAFE_NOW, ASK_REACH_OUT):
            if safe or (_YES.search(normal) and not _UNSAFE.search(normal)):
                return self._confirm(asked)
            if _UNSAFE.search(normal):
                return self._reflag("unsafe answer to the safety check-in", self.state["level"] or PASSIVE_IDEATION)
        elif safe:
            return self._confirm(ASK_REACH_OUT)
        return None

    def _retract(self, closed: bool) -> RiskAssessment:
        level = self.state["level"]
        self.state["retractions"] += 1
        self._reset()
        return RiskAssessment(result=NO_RISK, risk_open=False, reply_kind="retracted", retraction=True,
                              retracted_level=level)

    def _reflag(self, why: str, level: str) -> RiskAssessment:
        category = self.state["category"]
        return self._open(SafetyResult(crisis=True, category=category, evidence=(why,), categories=(category,),
                                       level=level))

    def _confirm(self, asked: str) -> RiskAssessment:
        self.state["confirmations"] += 1
        if asked == ASK_REACH_OUT:
            self._reset()
            return RiskAssessment(result=NO_RISK, risk_open=False, reply_kind="resolved")
        self.state.update(stage=ASK_REACH_OUT, asked=ASK_REACH_OUT)
        return RiskAssessment(result=NO_RISK, risk_open=True, reply_kind="check_in", check_in_stage=ASK_REACH_OUT)

    def _reset(self) -> None:
        # The earlier turns are forgotten too: they must not add up with the next ordinary message.
        self.state.update(open=False, category=None, level=None, stage=None, confirmations=0, flagged_turn=None,
                          asked=None, recent=[])
