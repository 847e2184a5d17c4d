"""The session summary behind the self-reflect report: timeline, mix, earlier sessions."""
from __future__ import annotations

import time
import uuid

import pytest

from emotecare.clock import iso, iso_from_ms, utc_now
from emotecare.pipeline.inference import record_key
from emotecare.pipeline.reading import UNCERTAIN_BELOW
from tests.support.frames import wait_for

pytestmark = pytest.mark.stack


LABELS = ("angry", "disgust", "fear", "happy", "neutral", "sad", "surprise")


def _store(stack, session_id: str, patient_id: str, start_ms: int, dominants: list[str | None],
           top_probability: float = 0.9):
    """One record per 500 ms, sure of its expression at `top_probability`; `None` is a frame
    without a face."""
    dynamodb, batch_id = stack.client("dynamodb"), uuid.uuid4().hex
    table = f"{stack.env['EMOTECARE_TABLE_PREFIX']}-emotion-records"
    valence = {"happy": "1.0", "sad": "-0.8", "neutral": "0.0"}
    for i, dominant in enumerate(dominants):
        captured_at = iso_from_ms(start_ms + i * 500)
        item = {"session_id": {"S": session_id}, "patient_id": {"S": patient_id},
                "record_key": {"S": record_key(captured_at, i, batch_id)},
                "captured_at": {"S": captured_at}, "face_found": {"BOOL": dominant is not None},
                "model_version": {"S": "test"}}
        if dominant:
            item["dominant"], item["valence"] = {"S": dominant}, {"N": valence[dominant]}
            rest = (1 - top_probability) / (len(LABELS) - 1)
            item["probabilities"] = {"M": {label: {"N": str(top_probability if label == dominant else rest)}
                                           for label in LABELS}}
        dynamodb.put_item(TableName=table, Item=item)


def test_self_reflect_summary_has_exact_mix_timeline_and_earlier_sessions(stack, patient,
                                                                           other_patient):
    created = patient.post("/self-reflect").json()
    first = created["session_id"]
    start = (int(time.time()) // 5) * 5_000 - 60_000  # on a 5 s boundary
    _store(stack, first, patient.user_id, start, ["sad"] * 4)
    # Sessions sort by creation time (ms): the second must be created after the first.
    wait_for(lambda: iso(utc_now()) > created["started_at"], timeout_s=5,
             what="the clock to pass the first session's creation")
    second = patient.post("/self-reflect").json()["session_id"]
    # 10 frames over 5 s: 6 happy, 2 neutral, 2 without a face, 2 more happy but unsure.
    _store(stack, second, patient.user_id, start + 30_000,
           ["happy"] * 6 + ["neutral"] * 2 + [None] * 2)
    _store(stack, second, patient.user_id, start + 35_000, ["happy"] * 2,
           top_probability=UNCERTAIN_BELOW - 0.05)

    response = patient.get(f"/sessions/{second}/summary")
    assert response.status_code == 200, response.text
    summary = response.json()
    assert summary["frames"] == 12
    assert summary["face_share"] == round(10 / 12, 4)
    # Only the sure frames count as their expression; the unsure ones are shown beside them.
    assert summary["distribution"] == {"happy": 0.6, "neutral": 0.2}
    assert summary["uncertain_share"] == 0.2
    assert summary["mean_valence"] == 0.8
    assert [p["valence"] for p in summary["timeline"]] == [0.75, 1.0]
    assert [e["session_id"] for e in summary["earlier"]] == [first]
    assert summary["earlier"][0]["distribution"] == {"sad": 1.0}
    assert summary["earlier"][0]["uncertain_share"] == 0.0

    assert other_patient.get(f"/sessions/{second}/summary").status_code == 404
