"""The summary of one finished (or running) session: a timeline, the expression mix, and
for self-reflect sessions the patient's earlier self-reflect sessions to compare with.

Records are read with key queries on the session (and earlier sessions through the
sessions table's `by-patient` index), never scans.
"""
from __future__ import annotations

from emotecare.accounts.tokens import Principal
from emotecare.clock import iso_from_ms, ms_from_iso
from emotecare.db.models import EmotionRecord, Session
from emotecare.care.access import read_session
from emotecare.reports.stats import emotion_stats
from emotecare.sessions.lifecycle import SELF_REFLECT, load_session_for

TIMELINE_STEP_MS = 5_000  # one point per 5 s keeps a one-hour session under 750 points
EARLIER_SESSIONS = 5


def summarise_session(user: Principal, session_id: str) -> dict:
    """Timeline, distribution and face share of a session, for the reader of its feed."""
    session = load_session_for(user, session_id)
    read_session(user, session, live=False)
    records = list(EmotionRecord.query(session_id))
    summary = {"session_id": session_id, "kind": session.kind,
               "started_at": session.started_at or session.created_at,
               **describe_records(records), "timeline": build_timeline(records)}
    if session.kind == SELF_REFLECT:
        summary["earlier"] = _earlier_self_reflect(session)
        summary["shared"] = bool(session.shared)  # with the care team (sessions.sharing)
    return summary


def describe_records(records: list[EmotionRecord]) -> dict:
    """Frames, face share, mean valence and the expression mix, as the weekly report counts them:
    sure frames by expression, the unsure ones as `uncertain_share` beside them."""
    stats = emotion_stats(records)
    return {"frames": stats["frames"], "face_share": stats["face_share"],
            "distribution": stats["expressions"], "uncertain_share": stats["uncertain_share"],
            "mean_valence": stats["mean_valence"]}


def build_timeline(records: list[EmotionRecord]) -> list[dict]:
    """Mean valence and face share per `TIMELINE_STEP_MS` bucket, in capture order."""
    buckets: dict[int, list[EmotionRecord]] = {}
    for record in records:
        buckets.setdefault(ms_from_iso(record.captured_at) // TIMELINE_STEP_MS, []).append(record)
    timeline = []
    for bucket in sorted(buckets):
        group = buckets[bucket]
        valences = [float(r.valence) for r in group if r.face_found and r.valence is not None]
        timeline.append({
            "at": iso_from_ms(bucket * TIMELINE_STEP_MS),
            "valence": round(sum(valences) / len(valences), 4) if valences else None,
            "face_share": round(sum(1 for r in group if r.face_found) / len(group), 4),
        })
    return timeline


def _earlier_self_reflect(session: Session) -> list[dict]:
    earlier = []
    for other in Session.by_patient.query(session.patient_id,
                                          Session.created_at < session.created_at,
                                          scan_index_forward=False):
        if other.kind != SELF_REFLECT:
            continue
        earlier.append({"session_id": other.session_id,
                        "started_at": other.started_at or other.created_at,
                        **describe_records(list(EmotionRecord.query(other.session_id)))})
        if len(earlier) == EARLIER_SESSIONS:
            break
    return earlier
