"""The patient's journal as the API offers it: write, list, edit, delete, and the weekly trend.

An entry's text passes the same safety check as a chat message before anything is stored;
a crisis entry is still saved (it is the patient's), answered with the crisis reply and
helplines, and recorded as a safety event for their therapist.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

from emotecare.accounts.tokens import Principal
from emotecare.clock import utc_now
from emotecare.escalation.care_team import load_patient_context
from emotecare.escalation.crisis import crisis_fields
from emotecare.escalation.events import record_safety_event
from emotecare.fields import Fields
from emotecare.journal import store
from emotecare.journal.entries import apply_edit, validate_entry
from emotecare.journal.review import review_entry
from emotecare.journal.trend import compute_weekly_trend, describe_trend

_EDITABLE = ("mood", "tags", "text", "sleep_hours")
DEFAULT_TREND_WEEKS = 8
MAX_TREND_WEEKS = 52
_CLOCK_SKEW = timedelta(minutes=5)


def add_entry(patient: Principal, body: dict) -> dict:
    """Validate, safety-check and store a new entry (`created_at` may back-date it)."""
    f = Fields(body, (*_EDITABLE, "created_at"))
    now = utc_now()
    created_at = f.instant("created_at", default=None)
    if created_at is not None and created_at > now + _CLOCK_SKEW:
        raise f.fail("created_at", "cannot be in the future")
    _check_tag_shape(f)
    entry = validate_entry({k: body[k] for k in _EDITABLE if k in body} | {"created_at": created_at or now})
    return _reviewed(patient, entry, lambda crisis: store.save_new_entry(patient.user_id, entry, crisis))


def edit_entry(patient: Principal, entry_id: str, body: dict) -> dict:
    """Apply an edit; changed text is checked again (a crisis edit starts the crisis flow)."""
    _check_tag_shape(Fields(body, _EDITABLE))
    row = store.load_entry(patient.user_id, entry_id)
    before = store.to_domain(row)
    edited = apply_edit(before, body)
    if edited.text == before.text:
        return {**store.entry_view(store.save_edit(row, edited, False)), "crisis": False}
    return _reviewed(patient, edited, lambda crisis: store.save_edit(row, edited, crisis))


def delete_entry(patient: Principal, entry_id: str) -> None:
    store.load_entry(patient.user_id, entry_id).delete()


def list_entries(patient: Principal, query: dict) -> dict:
    Fields(query, ("limit",))
    limit = _int_query(query, "limit", 1, store.LIST_LIMIT) if "limit" in query else 100
    return {"entries": [store.entry_view(row) for row in store.list_entries(patient.user_id, limit=limit)]}


def mood_trend(patient: Principal, query: dict, today: date | None = None) -> dict:
    """Weekly mood over the last `weeks` weeks (Monday start), oldest first, and its direction."""
    Fields(query, ("weeks",))
    weeks = _int_query(query, "weeks", 1, MAX_TREND_WEEKS) if "weeks" in query else DEFAULT_TREND_WEEKS
    today = today or utc_now().date()
    first_monday = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    since = datetime.combine(first_monday, datetime.min.time()).replace(tzinfo=utc_now().tzinfo)
    rows = store.list_entries(patient.user_id, since=since, limit=None)
    weekly = compute_weekly_trend([store.to_domain(r) for r in rows], weeks, today)
    return {"weeks": weeks, "weekly": [w.to_dict() for w in weekly], "trend": describe_trend(weekly)}


def _reviewed(patient: Principal, entry, save) -> dict:
    """Safety-check `entry`, store it through `save(crisis)`, and answer (with help if needed)."""
    context = load_patient_context(patient.user_id)
    review = review_entry(entry, context.country, context.therapist_name)
    crisis = review.crisis_reply is not None
    row = save(crisis)
    answer = {**store.entry_view(row), "crisis": crisis}
    if crisis:
        event = record_safety_event(context, review.safety_event, entry_id=row.entry_id)
        answer.update(crisis_fields(review.crisis_reply, event))
    return answer


def _check_tag_shape(f: Fields) -> None:
    """Tags must be a list of words before the domain looks them up in its vocabulary."""
    if f.has("tags"):
        f.texts("tags", max_items=20, max_len=40)


def _int_query(query: dict, name: str, lo: int, hi: int) -> int:
    """A whole number from the query string (always text there), or 400 naming it."""
    raw = query.get(name, "")
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 4:
        raise Fields({}, ()).fail(name, f"must be a whole number from {lo} to {hi}")
    return Fields({name: int(raw)}, (name,)).integer(name, lo=lo, hi=hi)
