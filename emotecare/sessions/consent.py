"""Consent to emotion analysis, per person and per session: off by default, revocable, logged.

Each person decides for their own face only: the booking's patient (`Session.analysis_on`)
and, in couple and family sessions, each invitee (`Session.invitee_consent`). The therapist
has no switch. Every change is appended to `Session.consent_log` (with whose switch it was)
in the same write that flips it, so the log and the switch can never disagree.
"""
from __future__ import annotations

from emotecare.accounts.tokens import Principal
from emotecare.clock import iso, utc_now
from emotecare.db.models import ConsentChange, Session
from emotecare.errors import ConflictError, ForbiddenError
from emotecare.fields import Fields
from emotecare.sessions.lifecycle import OPEN_STATES, current_state, describe, load_session_for, part_of


def set_consent(user: Principal, session_id: str, body: dict) -> dict:
    """`{analysis_on}`: switch analysis of the caller's own face on or off in their session;
    returns the session."""
    analysis_on = Fields(body, ("analysis_on",)).boolean("analysis_on")
    session = load_session_for(user, session_id)
    side = part_of(user, session)
    if side not in ("patient", "invitee"):
        raise ForbiddenError("only the person on camera decides whether their face is analysed")
    if analysis_on and current_state(session) not in OPEN_STATES:
        raise ConflictError("analysis cannot be switched on for a session that is over")
    change = ConsentChange(analysis_on=analysis_on, at=iso(utc_now()), user_id=user.user_id)
    if side == "patient":
        switch = Session.analysis_on.set(analysis_on)
    elif analysis_on:
        switch = Session.invitee_consent.add({user.user_id})
    else:
        switch = Session.invitee_consent.delete({user.user_id})
    session.update(actions=[switch, Session.consent_log.set(Session.consent_log.append([change]))])
    return {**describe(session), "my_analysis_on": session.consents(user.user_id)}
