"""Measurement-based care through the API: the forms, submissions, history, what is due.

PHQ-9 item 9 answered anything but "Not at all" starts the same crisis flow as a chat
message: the crisis reply with the patient's helplines, and a safety event for the therapist.
"""
from __future__ import annotations

from emotecare.accounts.tokens import Principal
from emotecare.care.access import change_clinical, read_clinical
from emotecare.clock import utc_now
from emotecare.errors import NotFoundError
from emotecare.escalation.care_team import load_patient_context
from emotecare.escalation.crisis import crisis_fields
from emotecare.escalation.events import record_safety_event
from emotecare.fields import Fields
from emotecare.questionnaires import store
from emotecare.questionnaires.crisis import build_item9_crisis
from emotecare.questionnaires.errors import UnknownInstrumentError
from emotecare.questionnaires.instruments import (INSTRUMENTS, PHQ9, PHQ9_DIFFICULTY_OPTIONS,
                                                  PHQ9_DIFFICULTY_QUESTION, Instrument, get_instrument)
from emotecare.questionnaires.schedule import find_due_status, validate_cadence
from emotecare.questionnaires.scoring import score_answers


def instrument_for(kind: str) -> Instrument:
    """PHQ-9 or GAD-7 by its URL name; anything else is not found."""
    try:
        return get_instrument(kind if isinstance(kind, str) and len(kind) <= 10 else "")
    except UnknownInstrumentError as exc:
        raise NotFoundError("no such questionnaire: use phq9 or gad7") from exc


def show_form(kind: str) -> dict:
    instrument = instrument_for(kind)
    form = instrument.to_dict()
    if instrument is PHQ9:
        form["difficulty"] = {"question": PHQ9_DIFFICULTY_QUESTION,
                              "options": [{"value": v, "label": label}
                                          for v, label in enumerate(PHQ9_DIFFICULTY_OPTIONS)]}
    return form


def submit(patient: Principal, kind: str, body: dict) -> dict:
    """Score `{answers: [0-3 × items], difficulty?}`, store it, and start the crisis flow on item 9."""
    instrument = instrument_for(kind)
    f = Fields(body, ("answers", "difficulty") if instrument is PHQ9 else ("answers",))
    result = score_answers(instrument.id, body.get("answers"))
    difficulty = f.integer("difficulty", lo=0, hi=3, default=None)
    context = load_patient_context(patient.user_id)
    reply, event = build_item9_crisis(result, context.country, context.therapist_name)
    row = store.save_response(patient.user_id, result, difficulty)
    answer = {**store.response_view(row), "max_score": instrument.max_score}
    if reply is not None:
        stored = record_safety_event(context, event, response_id=row.response_key)
        answer.update(crisis_fields(reply, stored))
    return answer


def history(principal: Principal, query: dict) -> dict:
    """Own responses for a patient; a therapist names one of their patients (`patient_id=`)."""
    f = Fields(query, ("patient_id", "kind"))
    kind = instrument_for(query["kind"]).id if "kind" in query else None
    if principal.role == "therapist":
        patient_id = read_clinical(principal, f.text("patient_id", max_len=64), "questionnaires")
    else:
        patient_id = f.text("patient_id", max_len=64, default=principal.user_id)
        if patient_id != principal.user_id:
            raise NotFoundError("no such patient")
    rows = store.list_responses(patient_id, kind)
    series = {k: [{"submitted_at": r.submitted_at, "score": int(r.score), "band": r.band}
                  for r in rows if r.kind == k] for k in INSTRUMENTS if kind in (None, k)}
    return {"patient_id": patient_id, "responses": [store.response_view(r) for r in rows], "series": series}


def due(patient: Principal) -> dict:
    """Which questionnaires the patient should fill in now (cadence, and before a first session)."""
    now = utc_now()
    cadence = store.cadence_days(patient.user_id)
    first_session = store.first_session_ahead(patient.user_id, now)
    items = []
    for kind in INSTRUMENTS:
        last = store.last_completed_at(patient.user_id, kind)
        status = find_due_status(now, last, cadence, first_session)
        items.append({"kind": kind, **status.to_dict(),
                      "last_completed_at": last.isoformat() if last else None})
    return {"cadence_days": cadence, "first_session_at": first_session.isoformat() if first_session else None,
            "questionnaires": items}


def set_cadence(therapist: Principal, patient_id: str, body: dict) -> dict:
    """A therapist sets how often their patient is asked (7-90 days; default 14)."""
    Fields(body, ("cadence_days",))
    days = validate_cadence(body.get("cadence_days"))
    change_clinical(therapist, patient_id)
    row = store.save_cadence(patient_id, days, therapist.user_id)
    return {"patient_id": patient_id, "cadence_days": int(row.cadence_days), "updated_at": row.updated_at}
