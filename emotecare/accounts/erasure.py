"""Erase a patient's account so that nothing of theirs can be left behind.

1. **Mark** the account as being erased in its `AccountStanding` row (with the e-mail and
   session ids the later steps need once the rows that held them are gone). From then on
   `standing.writing` refuses every write of the account's tokens, in every process.
2. **Drain**: wait until the writes that started before the mark have finished (at most
   `DRAIN_S`, the longest a request can run), so none of them can land after the deletion.
3. **Delete** every record the registry's locators find (`personal_data.locators()`, so
   tables added later are covered without naming them here), the stored files, the
   one-time codes, the Cognito user and, last, the account row.
4. **Verify**: look again in every table and bucket; anything found (a late write by someone
   else) is deleted and looked for again. Only a clean look marks the erasure verified.

An erasure that stops anywhere (a crash, a timeout) keeps its mark, so the account stays
closed to writes; `finish_interrupted_erasures` (the scheduled sweep) runs it again from the
start, which is safe because every step finds what is left and removes it.
"""
from __future__ import annotations

import importlib
import time
from dataclasses import dataclass
from datetime import timedelta

from pynamodb.exceptions import DoesNotExist

from emotecare.clock import iso_seconds, utc_now
from emotecare.accounts import standing
from emotecare.accounts.codes import discard_codes
from emotecare.accounts.identity import IdentityProvider
from emotecare.accounts.personal_data import (
    RETAINED_ON_ERASURE, Owner, PatientFiles, locators, patient_bookings, patient_objects)
from emotecare.bookings.emails import BookingMail, parties
from emotecare.bookings.store import claim_ids
from emotecare.db.models import Session, SlotClaim, User
from emotecare.db.standing import AccountStanding
from emotecare.log import get_logger

logger = get_logger("accounts")

DRAIN_S = 30.0  # API Gateway ends a request after 29 s: no write of the account runs longer
VERIFY_ROUNDS = 3
SWEEP_AFTER = timedelta(minutes=5)  # an erasure still marked after this was interrupted
KEEP_LEDGER = timedelta(days=30)  # "erased at …" stays this long, without personal data


@dataclass(frozen=True)
class Erasure:
    account_id: str
    email: str
    session_ids: tuple[str, ...]

    @property
    def owner(self) -> Owner:
        return Owner(self.account_id, self.session_ids)


def mark_erasing(account_id: str, email: str, started_at: str | None = None) -> Erasure:
    """Step 1: close the account to writes (idempotent: an earlier mark is kept)."""
    sessions = tuple(s.session_id for s in Session.by_patient.query(account_id))
    row = _ledger(account_id)
    known = tuple(row.session_ids or ()) if row else ()
    session_ids = tuple(dict.fromkeys(known + sessions))
    AccountStanding(account_id).update(actions=[
        AccountStanding.erasure_started_at.set(
            row.erasure_started_at if row and row.erasure_started_at
            else started_at or iso_seconds(utc_now())),
        AccountStanding.email.set(email),
        AccountStanding.session_ids.set(list(session_ids)),
        AccountStanding.erasure_verified_at.remove()])
    standing.forget(account_id)
    return Erasure(account_id, email, session_ids)


def erase_patient(account_id: str, email: str, identity: IdentityProvider, files: PatientFiles,
                  mail: BookingMail | None, own_writes: int = 0, payments=None) -> dict:
    """Mark, drain, delete, verify. `own_writes`: the caller's own request, if it is counted
    in flight (`DELETE /me` is a write of the account itself). `payments` releases the card
    holds of future sessions (nothing is charged for a session the erasure cancels)."""
    erasure = mark_erasing(account_id, email)
    _drain(account_id, own_writes)
    told = _cancel_future_sessions(account_id, mail, payments) if mail is not None else 0
    removed = _delete_everything(erasure, identity, files)
    verified = _verify(erasure, identity, files)
    logger.info("patient account deleted", extra={"records": removed, "therapists_told": told,
                                                  "verified": verified})
    return {"deleted": True, "records": removed, "therapists_told": told,
            "verified": verified}


def finish_interrupted_erasures(identity: IdentityProvider, files: PatientFiles) -> int:
    """The sweep: run again every erasure marked more than `SWEEP_AFTER` ago and not verified.

    A filtered scan of `account-standing` (one small row per account that ever wrote): at
    100,000 accounts about 10 MB read, some 1,300 read units every 10 minutes."""
    cutoff = iso_seconds(utc_now() - SWEEP_AFTER)
    finished = 0
    for row in AccountStanding.scan(AccountStanding.erasure_started_at.exists()
                                    & AccountStanding.erasure_verified_at.does_not_exist()):
        if row.erasure_started_at > cutoff or not row.email:
            continue
        result = erase_patient(row.account_id, row.email, identity, files, mail=None)
        finished += int(result["verified"])
    return finished


def _ledger(account_id: str) -> AccountStanding | None:
    try:
        return AccountStanding.get(account_id, consistent_read=True)
    except DoesNotExist:
        return None


def _drain(account_id: str, own_writes: int) -> None:
    deadline = time.monotonic() + DRAIN_S
    while time.monotonic() < deadline:
        row = _ledger(account_id)
        if row is None or (row.writes_in_flight or 0) <= own_writes:
            return
        time.sleep(0.05)
    # A process that died mid-write never uncounts it; verification still catches its row.
    logger.warning("erasure went on with writes still counted", extra={"account_id": account_id})


def _cancel_future_sessions(account_id: str, mail: BookingMail, payments) -> int:
    """Tell each therapist of a future session that it is off, and release its card hold."""
    now = iso_seconds(utc_now())
    told = 0
    for booking in patient_bookings(account_id):
        if booking.status in ("pending", "confirmed") and booking.starts_at > now:
            _, therapist = parties(booking)
            mail.patient_left(booking, therapist)
            told += 1
            if payments is not None:
                booking.status = "cancelled"  # gone with the account: nothing is charged
                payments.booking_ended(booking)
    return told


def _delete_records(erasure: Erasure, files: PatientFiles) -> int:
    """One pass over every bucket and table (but the account row); the number deleted."""
    owner = erasure.owner
    objects = patient_objects(files, owner)
    files.delete(objects)
    for booking in patient_bookings(erasure.account_id):
        for claim in claim_ids(booking):
            if _claim_of(claim, booking.booking_id):
                SlotClaim(claim).delete()
    removed = len(objects)
    for locator in locators():
        if locator.model is User:
            continue  # last, so a retry after a failure still finds the account
        retain = _retainer(locator.table)
        for item in list(locator.find(owner)):
            if retain is not None:
                retain(item)  # kept as the law requires, without the patient's identity
                continue
            item.delete()
            removed += 1
    return removed


def _retainer(table: str):
    """The function that keeps a record of `table` without the patient's identity, or None
    (`RETAINED_ON_ERASURE`: financial records, GDPR Art. 17(3)(b))."""
    target = RETAINED_ON_ERASURE.get(table)
    if target is None:
        return None
    module, _, name = target.rpartition(".")
    return getattr(importlib.import_module(module), name)


def _delete_everything(erasure: Erasure, identity: IdentityProvider, files: PatientFiles) -> int:
    removed = _delete_records(erasure, files)
    if _cognito_user_left(erasure, identity):
        # Only this account's own user: the e-mail may already belong to a new sign-up.
        discard_codes(erasure.email)
        identity.delete_user(erasure.email)
    for user in (locator for locator in locators() if locator.model is User):
        for item in list(user.find(erasure.owner)):
            item.delete()
            removed += 1
    standing.forget(erasure.account_id)  # its tokens stop working in this process at once
    return removed


def _verify(erasure: Erasure, identity: IdentityProvider, files: PatientFiles) -> bool:
    """Look again everywhere; delete stragglers; True once a look finds nothing at all."""
    for _ in range(VERIFY_ROUNDS):
        left = _delete_records(erasure, files)
        left += sum(1 for locator in locators() if locator.model is User
                    for _ in locator.find(erasure.owner))
        left += int(_cognito_user_left(erasure, identity))
        if left == 0:
            AccountStanding(erasure.account_id).update(actions=[
                AccountStanding.erasure_verified_at.set(iso_seconds(utc_now())),
                AccountStanding.email.remove(), AccountStanding.session_ids.remove(),
                AccountStanding.expires_at.set(utc_now() + KEEP_LEDGER)])
            return True
        logger.warning("erasure found records again", extra={"account_id": erasure.account_id,
                                                             "records": left})
        _delete_everything(erasure, identity, files)
    return False


def _cognito_user_left(erasure: Erasure, identity: IdentityProvider) -> bool:
    return identity.subject(erasure.email) == erasure.account_id


def _claim_of(claim_id: str, booking_id: str) -> bool:
    try:
        return SlotClaim.get(claim_id).booking_id == booking_id
    except DoesNotExist:
        return False
