"""Find every record a patient owns, across all registered tables and both buckets.

Rules, applied to each model of the registry (so tables added later are covered):
`User` → the patient's row; table or global index keyed by `patient_id` → query it;
table or global index keyed by `session_id` → query it for each of the patient's sessions
(signalling, feed state, frame-batch ledger). Tables that hold nothing of a patient's, or
that are reached through another record, are listed in `NOT_PATIENT_KEYED` with the
reason; a test fails when a new model fits no rule, so nobody forgets to decide.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from pynamodb.exceptions import DoesNotExist
from pynamodb.indexes import GlobalSecondaryIndex
from pynamodb.models import Model

from emotecare.db import table_suffix
from emotecare.db.models import Booking, Report, Session, User
from emotecare.db.registry import all_models
from emotecare.resources import FRAMES_PREFIX

NOT_PATIENT_KEYED = {
    "therapists": "therapists' own profiles",
    "resources": "the public resource library",
    "slot-claims": "reached through the patient's bookings (see bookings.store.claim_ids)",
    "one-time-codes": "keyed by e-mail, removed with the account; hashes are never exported",
    # Live-session plumbing, keyed by session or object key and expired by TTL (not records of
    # the patient's; without these entries every export and deletion failed).
    "session-signals": "WebRTC signalling of a session, expires within hours (TTL)",
    "frame-batches": "outcome of one uploaded frame batch by S3 key, expires (TTL)",
    "feed-state": "the feed's running averages per session, no personal content",
    "throttle-counters": "hit counts keyed by a hash of an e-mail or address, expire within hours (TTL)",
    "known-devices": "hashes of an e-mail and a device token, expire 90 days after the last "
                     "sign-in (TTL); nothing to read without the token",
    "account-standing": "writes in flight and the erasure ledger, keyed by account id; after a "
                        "verified erasure it holds only when, and expires (accounts/erasure.py)",
    "stripe-events": "ids of Stripe webhook events already handled, expire (TTL)",
}
# Kept when the account is erased, because the law requires it (GDPR Art. 17(3)(b): tax and
# accounting law keeps payment records for years), with what names the patient removed:
# table → the function that strips a record of the patient's name and e-mail.
RETAINED_ON_ERASURE = {"payments": "emotecare.payments.retention.strip_identity"}
# Read by the patient's export? Private notes belong to the therapist who wrote them.
NOT_EXPORTED = {"private-notes"}
# Treatment plans: the therapist chooses what the patient sees (`GET /me/plan` is the shared
# part); the plan and its versions are the therapist's working document, like private notes.
# The patient's homework ticks and the values recorded about them (`care-plan-entries`) are
# exported; all three tables are deleted with the account.
NOT_EXPORTED |= {"care-plans", "care-plan-versions"}

@dataclass(frozen=True)
class Owner:
    """A patient and their sessions' ids (read once, before anything is deleted)."""

    patient_id: str
    session_ids: tuple[str, ...]

    @classmethod
    def of(cls, patient_id: str) -> "Owner":
        return cls(patient_id, tuple(s.session_id for s in Session.by_patient.query(patient_id)))


Finder = Callable[[Owner], Iterator[Model]]


@dataclass(frozen=True)
class Locator:
    model: type[Model]
    find: Finder

    @property
    def table(self) -> str:
        return table_suffix(self.model)


def _index_on(model: type[Model], attribute: str) -> GlobalSecondaryIndex | None:
    for value in vars(model).values():
        if isinstance(value, GlobalSecondaryIndex):
            hash_key = next((a for a in value.Meta.attributes.values() if a.is_hash_key), None)
            if hash_key is not None and hash_key.attr_name == attribute:
                return value
    return None


def _user_row(owner: Owner) -> Iterator[Model]:
    try:
        yield User.get(owner.patient_id)
    except DoesNotExist:
        return


def _per_session(query) -> Finder:
    return lambda owner: (item for sid in owner.session_ids for item in query(sid))


def locator_for(model: type[Model]) -> Locator | None:
    """How to find a patient's items in `model`, or None when it holds none (declared)."""
    if model is User:
        return Locator(model, _user_row)
    if model._hash_keyname == "patient_id":
        return Locator(model, lambda owner, m=model: m.query(owner.patient_id))
    index = _index_on(model, "patient_id")
    if index is not None:
        return Locator(model, lambda owner, i=index: i.query(owner.patient_id))
    if model._hash_keyname == "session_id":
        return Locator(model, _per_session(model.query))
    index = _index_on(model, "session_id")
    if index is not None:
        return Locator(model, _per_session(index.query))
    return None


def locators() -> list[Locator]:
    found = []
    for model in all_models():
        locator = locator_for(model)
        if locator is None and table_suffix(model) not in NOT_PATIENT_KEYED:
            raise LookupError(f"table {table_suffix(model)!r} has no patient_id key or index: "
                              "declare it in NOT_PATIENT_KEYED or give it one")
        if locator is not None:
            found.append(locator)
    return found


class PatientFiles:
    """A patient's stored objects: frames under each of their sessions, report files."""

    def __init__(self, s3_client, frames_bucket: str, reports_bucket: str):
        self._s3 = s3_client
        self._frames, self._reports = frames_bucket, reports_bucket

    def _list(self, bucket: str, prefix: str) -> Iterator[str]:
        for page in self._s3.get_paginator("list_objects_v2").paginate(Bucket=bucket,
                                                                      Prefix=prefix):
            for obj in page.get("Contents", []):
                yield obj["Key"]

    def objects(self, patient_id: str, session_ids: list[str],
                report_keys: list[str]) -> list[tuple[str, str]]:
        """(bucket, key) of every object of the patient."""
        found = {(self._frames, key) for sid in session_ids
                 for key in self._list(self._frames, f"{FRAMES_PREFIX}{sid}/")}
        found |= {(self._reports, key) for key in report_keys}
        for prefix in (f"reports/{patient_id}/", f"{patient_id}/"):
            found |= {(self._reports, key) for key in self._list(self._reports, prefix)}
        return sorted(found)

    def delete(self, objects: list[tuple[str, str]]) -> None:
        for bucket in {b for b, _ in objects}:
            keys = [k for b, k in objects if b == bucket]
            for start in range(0, len(keys), 1000):
                self._s3.delete_objects(Bucket=bucket, Delete={
                    "Objects": [{"Key": k} for k in keys[start:start + 1000]], "Quiet": True})


def patient_objects(files: PatientFiles, owner: Owner) -> list[tuple[str, str]]:
    reports = [r.html_key for r in Report.query(owner.patient_id) if r.html_key]
    return files.objects(owner.patient_id, list(owner.session_ids), reports)


def patient_bookings(patient_id: str) -> list[Booking]:
    return list(Booking.by_patient.query(patient_id))
