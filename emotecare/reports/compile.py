"""Compile one patient's weekly report from DynamoDB (key and index queries only)."""
from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone

from emotecare.db.models import EmotionRecord, Report, User
from emotecare.errors import NotFoundError
from emotecare.reports.weeks import week_bounds_utc

ISO = "%Y-%m-%dT%H:%M:%S"


def compile_weekly_report(patient_id: str, week: str) -> Report:
    """Build and store the report of `patient_id` for `week` (idempotent: one per week)."""
    try:
        patient = User.get(patient_id)
    except User.DoesNotExist as exc:
        raise NotFoundError(f"no patient {patient_id}") from exc
    start, end = week_bounds_utc(week, patient.time_zone)
    records = list(EmotionRecord.by_patient_time.query(
        patient_id, EmotionRecord.captured_at.between(start.strftime(ISO), end.strftime(ISO) + "Z")))
    records = [r for r in records if r.captured_at < end.strftime(ISO) + "Z"]
    with_face = [r for r in records if r.face_found]
    summary = {
        "week": week,
        "time_zone": patient.time_zone,
        "frames": len(records),
        "sessions": len({r.session_id for r in records}),
        "face_share": round(len(with_face) / len(records), 4) if records else None,
        "expressions": dict(Counter(r.dominant for r in with_face)),
    }
    report = Report(patient_id, week, created_at=datetime.now(timezone.utc).strftime(ISO) + "Z",
                    summary=summary)
    report.save()
    return report
