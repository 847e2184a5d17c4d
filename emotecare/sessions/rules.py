"""Rules about a session that the inference function needs too (no account or API imports)."""
from __future__ import annotations

from emotecare.db.models import Session


def analysis_allowed(session: Session) -> bool:
    """True while frames of this session may be analysed: in progress with consent on."""
    return session.state == "in_progress" and bool(session.analysis_on)
