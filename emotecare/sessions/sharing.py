"""Self-reflect sessions are the patient's own: their therapist sees one only once shared.

A weekly report is compiled twice over the same rows: the patient's view with everything,
and the care team's view (`summary["care_team"]`) without the self-reflect sessions the
patient has not shared, nor their frames. Whatever a therapist reads of a report, a trend
or a plan's valence goal comes from the care team's view. Sharing or unsharing a session
compiles its week's report again, so the change shows at once.
"""
from __future__ import annotations

from typing import Callable

from emotecare.accounts.tokens import Principal
from emotecare.db.models import Session
from emotecare.errors import ValidationError
from emotecare.fields import Fields
from emotecare.sessions.lifecycle import SELF_REFLECT, load_session_for

CARE_TEAM = "care_team"


def is_private(session: Session) -> bool:
    return session.kind == SELF_REFLECT and not session.shared


def care_team_summary(summary: dict) -> dict:
    """The care team's part of a stored report summary.

    Reports compiled before the care team's view existed are shown without any self-reflect
    session; when the week had one, its weekly emotion figures mix it in and cannot be split,
    so they are left out too.
    """
    if CARE_TEAM in summary:
        return summary[CARE_TEAM]
    sessions = summary.get("sessions") or {}
    if not sessions.get("self_reflect"):
        return summary
    view = dict(summary)
    view["sessions"] = {**sessions, "self_reflect": 0,
                        "items": [i for i in sessions.get("items", []) if i.get("kind") != SELF_REFLECT]}
    view["emotions"] = {"frames": None, "face_share": None, "mean_valence": None, "expressions": {}}
    view["daily_valence"] = []
    return view


def set_shared(patient: Principal, session_id: str, body: dict,
               recompile: Callable[[Session], None]) -> dict:
    """`PUT /sessions/{id}/sharing` `{shared}`: share a self-reflect session with the care
    team or take it back; the week's report is compiled again by `recompile`."""
    shared = Fields(body, ("shared",)).boolean("shared")
    session = load_session_for(patient, session_id)
    if session.patient_id != patient.user_id:
        raise ValidationError("only the patient shares their sessions", field="shared")
    if session.kind != SELF_REFLECT:
        raise ValidationError("only self-reflect sessions are shared by hand: a therapy session "
                              "is the therapist's already", field="shared")
    if bool(session.shared) != shared:
        session.update(actions=[Session.shared.set(shared)])
        recompile(session)
    return {"session_id": session.session_id, "kind": session.kind, "shared": shared}
