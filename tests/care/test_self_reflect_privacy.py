"""Self-reflect is private by default (issue 24, point 2): not in the therapist's trends,
session chart or report until the patient shares the session, and gone again when unshared."""
from __future__ import annotations

import pytest

from emotecare.reports.compile import report_compiler
from emotecare.settings import get_settings
from tests.support.scheduling import confirmed_booking

pytestmark = pytest.mark.stack
WEEK = "2026-W40"


def _therapist_view(therapist, pid: str) -> dict:
    series = therapist.get(f"/patients/{pid}/sessions/series", params={"weeks": 1, "until": WEEK})
    trends = therapist.get(f"/patients/{pid}/trends", params={"weeks": 1, "until": WEEK})
    report = therapist.get(f"/reports/{pid}/{WEEK}")
    listed = therapist.get(f"/patients/{pid}/reports")
    for response in (series, trends, report, listed):
        assert response.status_code == 200, response.text
    summary = report.json()["summary"]
    return {"series_kinds": sorted(s["kind"] for s in series.json()["sessions"]),
            "trend_frames": trends.json()["weeks"][0]["frames"],
            "trend_self_reflect": trends.json()["weeks"][0]["self_reflect_sessions"],
            "report_self_reflect": summary["sessions"]["self_reflect"],
            "report_frames": summary["emotions"]["frames"],
            "listed_frames": next(r["headline"]["frames"] for r in listed.json()["reports"]
                                  if r["week"] == WEEK)}


def test_a_self_reflect_session_reaches_the_therapist_only_while_shared(rows, patient, therapist):
    confirmed_booking(patient, therapist)
    pid = patient.user_id
    therapy = rows.session(pid, "therapy", started_at="2026-09-29T10:00:00Z",
                           therapist_id=therapist.user_id)
    rows.frames(therapy, "2026-09-29T10:00:00Z", [(2, "happy")])
    reflect = rows.session(pid, "self_reflect", started_at="2026-10-01T20:00:00Z")
    rows.frames(reflect, "2026-10-01T20:00:00Z", [(4, "sad")])
    report_compiler(get_settings()).compile(pid, WEEK)

    private = {"series_kinds": ["therapy"], "trend_frames": 2, "trend_self_reflect": 0,
               "report_self_reflect": 0, "report_frames": 2, "listed_frames": 2}
    assert _therapist_view(therapist, pid) == private
    own = patient.get(f"/reports/me/{WEEK}").json()["summary"]
    assert (own["sessions"]["self_reflect"], own["emotions"]["frames"]) == (1, 6)
    assert therapist.get(f"/sessions/{reflect.session_id}/summary").status_code == 404

    shared = patient.put(f"/sessions/{reflect.session_id}/sharing", json={"shared": True})
    assert shared.status_code == 200 and shared.json()["shared"] is True, shared.text
    assert _therapist_view(therapist, pid) == {
        "series_kinds": ["self_reflect", "therapy"], "trend_frames": 6, "trend_self_reflect": 1,
        "report_self_reflect": 1, "report_frames": 6, "listed_frames": 6}

    unshared = patient.put(f"/sessions/{reflect.session_id}/sharing", json={"shared": False})
    assert unshared.status_code == 200, unshared.text
    assert _therapist_view(therapist, pid) == private


def test_only_the_patient_shares_and_only_self_reflect_sessions(rows, patient, therapist, people):
    booking = confirmed_booking(patient, therapist)
    reflect = rows.session(patient.user_id, "self_reflect", started_at="2026-10-01T20:00:00Z")
    assert patient.put(f"/sessions/{booking['session_id']}/sharing",
                       json={"shared": True}).status_code == 400
    assert patient.put(f"/sessions/{reflect.session_id}/sharing",
                       json={"shared": "yes"}).status_code == 400
    assert people.patient().put(f"/sessions/{reflect.session_id}/sharing",
                                json={"shared": True}).status_code == 404
    assert therapist.put(f"/sessions/{reflect.session_id}/sharing",
                         json={"shared": True}).status_code == 403
