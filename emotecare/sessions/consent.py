"""The patient's consent to emotion analysis, per session: off by default, revocable, logged.

Every change is appended to `Session.consent_log` with its time in the same write that
flips `analysis_on`, so the log and the switch can never disagree.
"""
from __future__ import annotations

from emotecare.accounts.tokens import Principal
from emotecare.clock import iso, utc_now
from emotecare.db.models import ConsentChange, Session
from emotecare.errors import ConflictError, ForbiddenError
from emotecare.fields import Fields
from emotecare.sessions.lifecycle import OPEN_STATES, current_state, describe, load_session_for


def set_consent(user: Principal, session_id: str, body: dict) -> dict:
    """`{analysis_on}`: switch analysis on or off for the caller's own session; returns it."""
    analysis_on = Fields(body, ("analysis_on",)).boolean("analysis_on")
    session = load_session_for(user, session_id)
    if user.user_id != session.patient_id:
        raise ForbiddenError("only the patient decides whether their face is analysed")
    if analysis_on and current_state(session) not in OPEN_STATES:
        raise ConflictError("analysis cannot be switched on for a session that is over")
    change = ConsentChange(analysis_on=analysis_on, at=iso(utc_now()))
    session.update(actions=[Session.analysis_on.set(analysis_on),
                            Session.consent_log.set(Session.consent_log.append([change]))])
    return describe(session)
