"""Journal entries in DynamoDB under the patient's key, converted to and from the domain's."""
from __future__ import annotations

from datetime import datetime

from pynamodb.exceptions import DoesNotExist

from emotecare.clock import iso, parse_iso
from emotecare.db.wellbeing import JournalEntry as EntryRow
from emotecare.errors import NotFoundError
from emotecare.journal.entries import JournalEntry
from emotecare.timeids import is_time_id, new_time_id

LIST_LIMIT = 500


def save_new_entry(patient_id: str, entry: JournalEntry, crisis: bool) -> EntryRow:
    """Store a validated entry under a fresh id that starts with its `created_at`."""
    entry_id = new_time_id(entry.created_at)
    row = EntryRow(patient_id, entry_id, entry_id=entry_id, created_at=iso(entry.created_at),
                   mood=entry.mood, tags=list(entry.tags), text=entry.text, sleep_hours=entry.sleep_hours,
                   crisis=crisis)
    row.save()
    return row


def save_edit(row: EntryRow, entry: JournalEntry, crisis: bool) -> EntryRow:
    row.mood, row.tags, row.text, row.sleep_hours = entry.mood, list(entry.tags), entry.text, entry.sleep_hours
    row.updated_at = iso(entry.updated_at) if entry.updated_at else None
    row.crisis = row.crisis or crisis
    row.save()
    return row


def load_entry(patient_id: str, entry_id: str) -> EntryRow:
    """The patient's own entry; anyone else's is not found."""
    if not is_time_id(entry_id):
        raise NotFoundError("no such journal entry")
    try:
        return EntryRow.get(patient_id, entry_id, consistent_read=True)
    except DoesNotExist as exc:
        raise NotFoundError("no such journal entry") from exc


def list_entries(patient_id: str, since: datetime | None = None, limit: int = LIST_LIMIT) -> list[EntryRow]:
    """The patient's entries, newest first (from `since` on, when given: a key-range query)."""
    condition = EntryRow.entry_key >= iso(since)[:19] if since else None
    return list(EntryRow.query(patient_id, range_key_condition=condition, scan_index_forward=False,
                               limit=limit))


def to_domain(row: EntryRow) -> JournalEntry:
    return JournalEntry(mood=int(row.mood), created_at=parse_iso(row.created_at), tags=tuple(row.tags or ()),
                        text=row.text or "", sleep_hours=row.sleep_hours, entry_id=row.entry_id,
                        updated_at=parse_iso(row.updated_at) if row.updated_at else None)


def entry_view(row: EntryRow) -> dict:
    return {"entry_id": row.entry_id, "created_at": row.created_at, "updated_at": row.updated_at,
            "mood": int(row.mood), "tags": list(row.tags or []), "text": row.text or "",
            "sleep_hours": row.sleep_hours, "crisis": row.crisis}
