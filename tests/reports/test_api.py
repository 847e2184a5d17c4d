"""The reports and trends routes: who may read what, and the series they return."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
import requests

from emotecare.reports.compile import report_compiler
from tests.reports.rows import RowMaker
from tests.support.accounts import make_user

pytestmark = pytest.mark.stack
NOW = datetime(2026, 11, 30, 13, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def people(stack, bound):
    """A patient with two compiled weeks, their therapist, and people who may not look."""
    rows = RowMaker()
    cast = {role: make_user(stack, kind, time_zone="UTC") for role, kind in (
        ("patient", "patient"), ("other_patient", "patient"), ("therapist", "therapist"),
        ("other_therapist", "therapist"), ("declined_therapist", "therapist"), ("admin", "admin"))}
    pid = cast["patient"].user_id
    rows.booking(pid, cast["therapist"].user_id, status="confirmed")
    rows.booking(pid, cast["declined_therapist"].user_id, status="declined")
    rows.booking(cast["other_patient"].user_id, cast["other_therapist"].user_id)
    session = rows.session(pid, "therapy", started_at="2026-11-04T10:00:00Z",
                           therapist_id=cast["therapist"].user_id)
    rows.frames(session, "2026-11-04T10:00:00Z", [(3, "happy"), (1, "sad")])  # valence 2.2 / 4
    rows.questionnaire(pid, "phq9", "2026-11-05T10:00:00Z", 11, "moderate")
    rows.journal(pid, "2026-11-19T10:00:00Z", 6)
    rows.questionnaire(pid, "phq9", "2026-11-19T10:00:00Z", 8, "mild")
    compiler = report_compiler(bound)
    compiler.compile(pid, "2026-W45", now=NOW)
    compiler.compile(pid, "2026-W47", now=NOW)
    cast["session_id"] = session.session_id
    return cast


def _anonymous(stack, path: str) -> requests.Response:
    return requests.get(f"{stack.api_url}{path}", timeout=30)


@pytest.mark.parametrize("who, status", [
    ("patient", 200), ("therapist", 200), ("other_patient", 404), ("other_therapist", 404),
    ("declined_therapist", 404), ("admin", 403)])
def test_one_report_is_readable_by_the_patient_and_their_therapist_only(people, who, status):
    response = people[who].get(f"/reports/{people['patient'].user_id}/2026-W47")
    assert response.status_code == status, response.text
    if status == 200:
        assert response.json()["summary"]["journal"]["entries"] == 1
    else:
        assert "summary" not in response.json() and "error" in response.json()


@pytest.mark.parametrize("path", ["/reports", "/reports/{pid}/2026-W47", "/patients/{pid}/reports",
                                  "/patients/{pid}/trends", "/patients/{pid}/sessions/series"])
def test_anonymous_callers_are_asked_to_sign_in(people, stack, path):
    response = _anonymous(stack, path.format(pid=people["patient"].user_id))
    assert response.status_code == 401


@pytest.mark.parametrize("path", ["/patients/{pid}/reports", "/patients/{pid}/trends",
                                  "/patients/{pid}/sessions/series"])
@pytest.mark.parametrize("who, status", [
    ("therapist", 200), ("other_therapist", 404), ("declined_therapist", 404),
    ("other_patient", 404), ("admin", 403)])
def test_patient_pages_are_for_their_therapist(people, path, who, status):
    response = people[who].get(path.format(pid=people["patient"].user_id))
    assert response.status_code == status, response.text


def test_a_patient_reads_their_own_through_me_and_their_id(people):
    patient = people["patient"]
    assert patient.get("/patients/me/trends?weeks=2&until=2026-W47").status_code == 200
    assert patient.get(f"/reports/me/2026-W47").status_code == 200
    assert patient.get(f"/patients/{patient.user_id}/reports").status_code == 200
    assert people["therapist"].get("/patients/me/trends").status_code == 404


def test_own_reports_are_listed_newest_first(people):
    response = people["patient"].get("/reports")
    assert response.status_code == 200
    listed = response.json()["reports"]
    assert [r["week"] for r in listed] == ["2026-W47", "2026-W45"]
    assert listed[0]["headline"]["phq9"] == 8 and listed[0]["empty"] is False
    assert people["therapist"].get("/reports").status_code == 403


def test_the_report_links_to_its_html_page_with_charts(people):
    body = people["therapist"].get(f"/reports/{people['patient'].user_id}/2026-W45").json()
    page = requests.get(body["html_url"], timeout=30)
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    assert page.text.count('src="data:image/svg+xml;base64,') == 2  # daily valence, expressions


def test_weekly_trends_give_one_point_per_week_with_gaps_marked(people):
    response = people["therapist"].get(
        f"/patients/{people['patient'].user_id}/trends?weeks=3&until=2026-W47")
    assert response.status_code == 200
    w45, w46, w47 = response.json()["weeks"]
    assert (w45["week"], w45["compiled"], w45["sessions_attended"], w45["frames"],
            w45["mean_valence"], w45["face_share"], w45["phq9"], w45["expressions"]) == (
        "2026-W45", True, 1, 4, 0.55, 1.0, 11, {"happy": 0.75, "sad": 0.25})
    assert w46 == {"week": "2026-W46", "compiled": False, "partial": False, "expressions": {},
                   **{k: None for k in w45 if k not in ("week", "compiled", "partial", "expressions")}}
    assert (w47["phq9"], w47["mood_average"], w47["journal_entries"], w47["frames"]) == (8, 6.0, 1, 0)


def test_session_series_lists_each_session_with_its_statistics(people):
    response = people["therapist"].get(
        f"/patients/{people['patient'].user_id}/sessions/series?weeks=4&until=2026-W47")
    [session] = response.json()["sessions"]
    assert (session["week"], session["session_id"], session["frames"], session["mean_valence"],
            session["expressions"]) == ("2026-W45", people["session_id"], 4, 0.55,
                                        {"happy": 0.75, "sad": 0.25})


def test_trends_end_with_the_running_week_marked_partial(people):
    """A session that has just ended shows up once its week is compiled (issue 16, item 8)."""
    from emotecare.weeks import week_of

    running = week_of(datetime.now(timezone.utc), "UTC")
    pid = people["patient"].user_id
    weeks = people["therapist"].get(f"/patients/{pid}/trends?weeks=2").json()["weeks"]
    assert [(w["week"], w["partial"]) for w in weeks][-1] == (running, True)
    assert weeks[0]["partial"] is False


@pytest.mark.parametrize("path, field", [
    ("/patients/{pid}/trends?weeks=0", "weeks"), ("/patients/{pid}/trends?weeks=abc", "weeks"),
    ("/patients/{pid}/trends?until=2026-47", "week"), ("/reports/{pid}/2026-W99", "week"),
    ("/patients/{pid}/reports?limit=-1", "limit")])
def test_malformed_parameters_are_400_naming_the_field(people, path, field):
    response = people["therapist"].get(path.format(pid=people["patient"].user_id))
    assert response.status_code == 400 and response.json()["field"] == field


def test_a_week_without_a_report_is_404(people):
    assert people["patient"].get("/reports/me/2026-W30").status_code == 404
