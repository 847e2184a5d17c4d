"""PHQ-9 and GAD-7 through the API: forms, every band edge, item 9, history, due, cadence."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from emotecare.clock import iso
from emotecare.db.wellbeing import QuestionnaireResponse
from tests.support.accounts import make_user
from tests.support.scheduling import book, slot_after

pytestmark = pytest.mark.stack

PHQ9_EDGES = [(0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"), (14, "moderate"),
              (15, "moderately severe"), (19, "moderately severe"), (20, "severe"), (24, "severe")]
GAD7_EDGES = [(0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"), (14, "moderate"),
              (15, "severe"), (21, "severe")]


def _answers(total: int, items: int, scored_items: int | None = None) -> list[int]:
    """`items` answers 0-3 adding up to `total`, using only the first `scored_items`."""
    answers = [0] * items
    for i in range(scored_items or items):
        answers[i] = min(3, total - sum(answers))
    assert sum(answers) == total
    return answers


@pytest.fixture(scope="module")
def scorer(stack):
    return make_user(stack, "patient")


@pytest.mark.parametrize("kind, total, band", [("phq9", t, b) for t, b in PHQ9_EDGES]
                         + [("gad7", t, b) for t, b in GAD7_EDGES])
def test_every_band_edge_is_scored_and_stored(scorer, kind, total, band):
    items = 9 if kind == "phq9" else 7
    response = scorer.post(f"/questionnaires/{kind}/responses",
                           json={"answers": _answers(total, items, 8 if kind == "phq9" else None)})
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["score"], body["band"], body["crisis"]) == (total, band, False)
    latest = scorer.get("/questionnaires/responses", params={"kind": kind}).json()["responses"][-1]
    assert (latest["score"], latest["band"]) == (total, band)


@pytest.mark.parametrize("item9, total", [(1, 1), (2, 12), (3, 27)])
def test_any_answer_but_not_at_all_on_item_9_starts_the_crisis_flow(patient, therapist, item9, total):
    answers = _answers(total - item9, 9, 8)[:8] + [item9]
    body = patient.post("/questionnaires/phq9/responses", json={"answers": answers}).json()
    assert body["crisis"] is True and body["score"] == total and body["safety_event_id"]
    assert any("116 123" in (line.get("phone") or "") for line in body["helplines"])
    events = therapist.get("/safety-events").json()["events"]
    assert events[0]["source"] == "questionnaire" and events[0]["context"]["instrument"] == "phq9"
    assert events[0]["context"]["item9"] == item9


def test_labels_are_accepted_and_item_9_at_zero_is_calm(patient, therapist):
    labels = ["Several days"] * 8 + ["Not at all"]
    body = patient.post("/questionnaires/phq9/responses", json={"answers": labels, "difficulty": 1}).json()
    assert (body["score"], body["band"], body["crisis"], body["difficulty"]) == (8, "mild", False, 1)
    assert therapist.get("/safety-events").json()["events"] == []


@pytest.mark.parametrize("kind, body, field", [
    ("phq9", {"answers": [0] * 8}, "answers"), ("gad7", {"answers": [0] * 9}, "answers"),
    ("phq9", {"answers": [0] * 8 + [4]}, "answers[8]"), ("gad7", {"answers": [0, True] + [0] * 5}, "answers[1]"),
    ("phq9", {}, "answers"), ("phq9", {"answers": "000000000"}, "answers"),
    ("gad7", {"answers": [0] * 7, "difficulty": 1}, "difficulty"),
    ("phq9", {"answers": [0] * 9, "difficulty": 4}, "difficulty"),
])
def test_malformed_answers_are_rejected_and_not_stored(patient, kind, body, field):
    response = patient.post(f"/questionnaires/{kind}/responses", json=body)
    assert response.status_code == 400, response.text
    assert response.json()["field"] == field
    assert patient.get("/questionnaires/responses").json()["responses"] == []


def test_forms_have_the_exact_items_for_signed_in_users(patient, therapist):
    phq9 = patient.get("/questionnaires/phq9").json()
    assert len(phq9["items"]) == 9 and phq9["items"][8]["text"].startswith("Thoughts that you would be better off dead")
    assert [o["label"] for o in phq9["options"]] == ["Not at all", "Several days", "More than half the days",
                                                     "Nearly every day"]
    assert "difficulty" in phq9
    assert len(therapist.get("/questionnaires/gad7").json()["items"]) == 7
    assert patient.get("/questionnaires/bdi").status_code == 404
    assert patient.post("/questionnaires/bdi/responses", json={"answers": [0]}).status_code == 404


def test_history_is_the_patients_and_their_therapists_only(stack, patient, therapist, other_therapist, admin):
    patient.post("/questionnaires/gad7/responses", json={"answers": [1] * 7})
    own = patient.get("/questionnaires/responses").json()
    assert [r["score"] for r in own["responses"]] == [7] and own["series"]["gad7"][0]["score"] == 7
    seen = therapist.get("/questionnaires/responses", params={"patient_id": patient.user_id})
    assert seen.status_code == 200 and seen.json()["series"]["gad7"][0]["band"] == "mild"
    assert therapist.get("/questionnaires/responses").status_code == 400  # whose?
    assert other_therapist.get("/questionnaires/responses",
                               params={"patient_id": patient.user_id}).status_code == 404
    stranger = make_user(stack, "patient")
    assert stranger.get("/questionnaires/responses", params={"patient_id": patient.user_id}).status_code == 404
    assert stranger.get("/questionnaires/responses").json()["responses"] == []
    assert admin.get("/questionnaires/responses", params={"patient_id": patient.user_id}).status_code == 403


def test_due_every_two_weeks_and_at_the_cadence_the_therapist_sets(patient, therapist, other_therapist):
    due = patient.get("/questionnaires/due").json()
    assert due["cadence_days"] == 14 and all(q["due"] for q in due["questionnaires"])
    patient.post("/questionnaires/phq9/responses", json={"answers": [0] * 9})
    due = {q["kind"]: q for q in patient.get("/questionnaires/due").json()["questionnaires"]}
    assert due["phq9"]["due"] is False and due["gad7"]["due"] is True
    done = datetime.fromisoformat(due["phq9"]["last_completed_at"])
    assert datetime.fromisoformat(due["phq9"]["due_at"]) - done == timedelta(days=14)

    path = f"/patients/{patient.user_id}/questionnaire-cadence"
    assert therapist.put(path, json={"cadence_days": 7}).status_code == 200
    due = {q["kind"]: q for q in patient.get("/questionnaires/due").json()["questionnaires"]}
    assert datetime.fromisoformat(due["phq9"]["due_at"]) - done == timedelta(days=7)
    assert other_therapist.put(path, json={"cadence_days": 30}).status_code == 404
    assert patient.put(path, json={"cadence_days": 30}).status_code == 403
    for bad in (3, 91, "14", None):
        response = therapist.put(path, json={"cadence_days": bad})
        assert response.status_code == 400 and response.json()["field"] == "cadence_days"
    assert patient.get("/questionnaires/due").json()["cadence_days"] == 7


def test_due_before_a_first_session_when_the_last_answers_are_stale(stack_tables, stack, therapist):
    newcomer = make_user(stack, "patient")
    stale = datetime.now(timezone.utc) - timedelta(days=16)
    for kind, n in (("phq9", 9), ("gad7", 7)):  # answered long ago, before they booked
        QuestionnaireResponse(newcomer.user_id, f"{kind}#{iso(stale)}", kind=kind, submitted_at=iso(stale),
                              answers=[0] * n, score=0, band="minimal").save()
    starts_at = slot_after(newcomer, therapist.user_id, 72)
    assert book(newcomer, therapist.user_id, starts_at).status_code == 201
    due = newcomer.get("/questionnaires/due").json()
    assert due["first_session_at"].startswith(starts_at[:16])
    assert [(q["due"], q["reason"]) for q in due["questionnaires"]] == [(True, "before_first_session")] * 2
