"""The live emotion feed of a session: new records since a cursor, smoothed state, distress.

Records are read with key queries on (session_id, record_key); record keys start with the
capture time, so range order is capture order and the cursor is the last key returned.
The smoothing state is folded forward from where the last reader left it (`FeedState`),
so each poll reads only new records, however long the session runs.

A reader may ask to wait (long polling): with nothing new, the read is repeated every
CHECK_EVERY_S until a record lands or the wait ends, so a record reaches the therapist about
CHECK_EVERY_S after it is stored instead of up to a whole polling interval later, and a quiet
session costs one request per wait instead of several. The patient's switch is re-read every
CONSENT_CHECK_EVERY_S too, and the answer gives it as it is when answering: a therapist must
see "analysis off" as soon as the patient says so, not one or two waits later.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from pynamodb.exceptions import PutError

from emotecare.accounts.tokens import Principal
from emotecare.care.access import read_session
from emotecare.clock import ms_from_iso, utc_now
from emotecare.db.live import FeedState
from emotecare.db.models import EmotionRecord, Session
from emotecare.errors import ValidationError
from emotecare.log import get_logger
from emotecare.pipeline.reading import read_now
from emotecare.pipeline.smoothing import Observation, SmoothingRules, current_view, fold
from emotecare.sessions.lifecycle import load_session_for

PAGE = 200
_FOLD_PAGE = 1000
MAX_WAIT_S = 10.0  # well inside API Gateway's 29 s and the API function's timeout
CHECK_EVERY_S = 0.1
CONSENT_CHECK_EVERY_S = 0.5  # a switch is rarer than a record: a slower check halves the reads
logger = get_logger("feed")


def parse_wait(text: str | None) -> float:
    """A `wait=S` query parameter: seconds to wait for new records, 0 (the default) to MAX_WAIT_S."""
    if text in (None, ""):
        return 0.0
    try:
        wait_s = float(text)
    except ValueError:
        wait_s = -1.0
    if not 0 <= wait_s <= MAX_WAIT_S:  # also refuses nan and inf
        raise ValidationError(f"wait must be a number of seconds from 0 to {MAX_WAIT_S:g}", field="wait")
    return wait_s


def read_feed(user: Principal, session_id: str, since: str | None, rules: SmoothingRules,
              wait_s: float = 0.0) -> dict:
    """What the reader of `session_id`'s feed sees after cursor `since`.

    With `wait_s`, returns as soon as there is a record after `since`, or empty-handed when
    the wait is over.
    """
    if since is not None and (len(since) > 200 or not since[:4].isdigit()):
        raise ValidationError("since must be a cursor returned by this feed", field="since")
    session = load_session_for(user, session_id)
    read_session(user, session, live=True)
    records, analysis_on = _wait_for_news(session, since, time.monotonic() + wait_s)
    state = advance_state(session_id, rules, read=ReadPage(since, records, len(records) < PAGE))
    return {
        "records": [_record_view(r) for r in records],
        "next": records[-1].record_key if records else since,
        "current": current_view(state.smoothed),
        # The headline: cleared as soon as the patient switches analysis off, and read only
        # from fresh frames captured since the switch-on ("starting" until there are some).
        "reading": (read_now((state.smoothed or {}).get("recent"), int(utc_now().timestamp() * 1000),
                             since_ms=_switched_on_ms(session)) if analysis_on else None),
        "distress": state.episodes,
        "analysis_on": analysis_on,
        # Couple and family sessions: whose own switch is on (records carry their `person`).
        "consenting": sorted(p for p in (session.patient_id, *(session.invitee_consent or ()))
                             if session.consents(p)),
    }


def _wait_for_news(session: Session, since: str | None,
                   wait_until: float) -> tuple[list[EmotionRecord], bool]:
    """Records after `since` and whether analysis is on, once either has news or the wait ends."""
    condition = EmotionRecord.record_key > since if since else None
    analysis_on = _anyone_consents(session)
    slept = False
    next_consent_check = time.monotonic() + CONSENT_CHECK_EVERY_S
    while True:
        records = list(EmotionRecord.query(session.session_id, range_key_condition=condition,
                                           limit=PAGE))
        now = time.monotonic()
        if records or now >= wait_until:
            # after any wait the switch read at the start may be stale
            return records, _analysis_on_now(session) if slept else analysis_on
        if now >= next_consent_check:
            if _analysis_on_now(session) != analysis_on:
                return records, not analysis_on
            next_consent_check = now + CONSENT_CHECK_EVERY_S
        time.sleep(min(CHECK_EVERY_S, wait_until - now))
        slept = True


def _switched_on_ms(session: Session) -> int | None:
    """When the patient last switched analysis on (the consent log's newest "on")."""
    times = [ms_from_iso(change.at) for change in session.consent_log or () if change.analysis_on]
    return max(times) if times else None


def _analysis_on_now(session: Session) -> bool:
    session.refresh(consistent_read=True)  # the switch just written must be seen
    return _anyone_consents(session)


def _anyone_consents(session: Session) -> bool:
    return bool(session.analysis_on) or bool(session.invitee_consent)


@dataclass(frozen=True)
class ReadPage:
    """Records the reader just fetched: every record after `after` when `complete`."""
    after: str | None
    records: list[EmotionRecord]
    complete: bool

    def covers(self, through_key: str | None) -> bool:
        """Whether these records include all those after `through_key`."""
        return self.complete and (self.after is None or (through_key or "") >= self.after)


def advance_state(session_id: str, rules: SmoothingRules, read: ReadPage | None = None,
                  attempts: int = 3) -> FeedState:
    """Fold records stored since the last reader into the session's feed state and save it.

    When the reader's own page already holds everything after the state's position (the
    usual poll: the therapist is up to date), it is reused instead of a second query.
    """
    for _ in range(attempts):
        try:
            state = FeedState.get(session_id)
        except FeedState.DoesNotExist:
            state = FeedState(session_id)
        if read is not None and read.covers(state.through_key):
            fresh = [r for r in read.records if not state.through_key or r.record_key > state.through_key]
        else:
            condition = EmotionRecord.record_key > state.through_key if state.through_key else None
            fresh = list(EmotionRecord.query(session_id, range_key_condition=condition,
                                             limit=_FOLD_PAGE))
        if not fresh:
            return state
        folded = fold({"smoothed": state.smoothed, "run_start_ms": state.run_start_ms,
                       "episodes": state.episodes}, (_observation(r) for r in fresh), rules)
        state.smoothed, state.episodes = folded["smoothed"], folded["episodes"]
        state.run_start_ms, state.through_key = folded["run_start_ms"], fresh[-1].record_key
        try:
            state.save()  # conditional on `version`: another reader may have folded first
            return state
        except PutError as exc:
            if exc.cause_response_code != "ConditionalCheckFailedException":
                raise
            logger.info("feed state advanced concurrently; re-reading", extra={"session": session_id})
    return FeedState.get(session_id)


def _observation(record: EmotionRecord) -> Observation:
    probabilities = record.probabilities.as_dict() if record.probabilities else None
    return Observation(ms_from_iso(record.captured_at), bool(record.face_found), probabilities)


def _record_view(record: EmotionRecord) -> dict:
    return {
        "key": record.record_key, "captured_at": record.captured_at,
        "person": record.patient_id,  # whose face (couple and family sessions)
        "face_found": bool(record.face_found),
        "box": [int(v) for v in record.face_box] if record.face_box else None,
        "dominant": record.dominant,
        "valence": float(record.valence) if record.valence is not None else None,
        "probabilities": ({k: float(v) for k, v in record.probabilities.as_dict().items()}
                          if record.probabilities else None),
        "model_version": record.model_version,
    }
