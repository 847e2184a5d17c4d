"""The patient's "who has seen my data": every read of their clinical data by someone else.

`emotecare.care.access` records a read each time it lets someone other than the patient
read a kind of their clinical data; nothing else writes here. Rows hold who, their role,
the kind of data and when — never content. Reads of the same kind by the same reader within
a minute share one row (`reads` counts them), so a page that polls does not write a row
per poll. The rows are keyed by `patient_id`, so the patient's export includes them and
erasing the account deletes them (`emotecare.accounts.personal_data`).
"""
from __future__ import annotations

from emotecare.accounts.tokens import Principal
from emotecare.care.relationships import names
from emotecare.clock import iso, utc_now
from emotecare.db.care import AccessLogEntry
from emotecare.fields import Fields

# The kinds of data a read is logged under (the page explains each in words).
KINDS = ("plan", "questionnaires", "trends", "reports", "session", "contact")
LIST_LIMIT = 500


def record_read(patient_id: str, reader: Principal, kind: str) -> None:
    if kind not in KINDS:  # the page names each kind in words: a new kind needs its words
        raise ValueError(f"unknown kind of clinical data {kind!r}")
    now = iso(utc_now())
    entry = AccessLogEntry(patient_id, f"{now[:16]}#{reader.user_id}#{kind}")
    entry.update(actions=[
        AccessLogEntry.reader_id.set(reader.user_id),
        AccessLogEntry.reader_role.set(reader.role),
        AccessLogEntry.kind.set(kind),
        AccessLogEntry.first_at.set(AccessLogEntry.first_at | now),
        AccessLogEntry.last_at.set(now),
        AccessLogEntry.reads.add(1),
    ])


def my_access_log(patient: Principal, query: dict) -> dict:
    """`GET /me/access-log`: newest first, with each reader's name."""
    f = Fields(query, ("limit",))
    text = f.text("limit", max_len=4, default="100")
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= LIST_LIMIT:
        raise f.fail("limit", f"must be a whole number from 1 to {LIST_LIMIT}")
    limit = int(text)
    rows = list(AccessLogEntry.query(patient.user_id, scan_index_forward=False, limit=limit))
    people = names({r.reader_id for r in rows})
    return {"entries": [{"reader_id": r.reader_id, "reader_name": people.get(r.reader_id, ""),
                         "reader_role": r.reader_role, "kind": r.kind, "first_at": r.first_at,
                         "last_at": r.last_at, "reads": int(r.reads or 0)} for r in rows]}
