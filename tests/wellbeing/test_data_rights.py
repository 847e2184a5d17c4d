"""Everything a patient does between sessions is in their export and gone after deletion."""
from __future__ import annotations

import pytest

from emotecare.db.wellbeing import (ChatMessage, Conversation, JournalEntry, QuestionnaireCadence,
                                    QuestionnaireResponse, SafetyEvent)

pytestmark = pytest.mark.stack
MINE = {"chat-conversations": Conversation, "chat-messages": ChatMessage, "journal": JournalEntry,
        "questionnaires": QuestionnaireResponse, "questionnaire-cadence": QuestionnaireCadence,
        "safety-events": SafetyEvent}


def test_export_and_deletion_cover_every_between_session_record(stack_tables, patient, therapist):
    cid = patient.post("/chat/messages", json={"text": "I want to die"}).json()["conversation_id"]
    patient.post("/chat/messages", json={"text": "you misunderstood", "conversation_id": cid})
    patient.post("/journal", json={"mood": 4, "text": "rough week"})
    patient.post("/questionnaires/gad7/responses", json={"answers": [1] * 7})
    therapist.put(f"/patients/{patient.user_id}/questionnaire-cadence", json={"cadence_days": 21})

    export = patient.get("/me/export")
    assert export.status_code == 200, export.text
    tables = export.json()["tables"]
    counts = {name: len(tables[name]) for name in MINE}
    assert counts == {"chat-conversations": 1, "chat-messages": 4, "journal": 1, "questionnaires": 1,
                      "questionnaire-cadence": 1, "safety-events": 2}
    assert len(therapist.get("/safety-events").json()["events"]) == 2

    assert patient.delete("/me").status_code == 204
    for name, model in MINE.items():
        assert list(model.query(patient.user_id)) == [], name
    assert therapist.get("/safety-events").json()["events"] == []
