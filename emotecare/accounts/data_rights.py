"""A patient's right to their data: download all of it, or delete the account and all of it."""
from __future__ import annotations

from pynamodb.exceptions import DoesNotExist

from emotecare.accounts import standing
from emotecare.accounts.codes import discard_codes
from emotecare.accounts.export_format import item_to_json
from emotecare.accounts.identity import IdentityProvider
from emotecare.accounts.personal_data import (
    NOT_EXPORTED, RETAINED_ON_ERASURE, Owner, PatientFiles, locators, patient_bookings,
    patient_objects)
from emotecare.accounts.profiles import load_user, public_user
from emotecare.accounts.tokens import Principal
from emotecare.bookings.emails import BookingMail, parties
from emotecare.bookings.store import claim_ids
from emotecare.db.models import SlotClaim, User
from emotecare.fields import iso_z, now_utc
from emotecare.log import get_logger

logger = get_logger("accounts")


def export_patient_data(principal: Principal, files: PatientFiles) -> dict:
    """Every record of the patient, grouped by table, plus the list of their stored files."""
    user = load_user(principal.user_id)
    owner = Owner.of(user.user_id)
    tables = {}
    for locator in locators():
        if locator.table in NOT_EXPORTED:
            continue
        tables[locator.table] = [item_to_json(item) for item in locator.find(owner)]
    return {"format": "emotecare-export/1", "exported_at": iso_z(now_utc()),
            "account": public_user(user), "tables": tables,
            "files": [{"bucket": b, "key": k} for b, k in patient_objects(files, owner)]}


def delete_patient_account(principal: Principal, identity: IdentityProvider,
                           files: PatientFiles, mail: BookingMail, payments=None) -> dict:
    """Cancel future sessions (telling the therapists, releasing card holds), then delete
    every record and file; payment records are kept without the patient's identity."""
    user = load_user(principal.user_id)
    owner = Owner.of(user.user_id)  # before the sessions it lists are deleted
    now = iso_z(now_utc())
    bookings = patient_bookings(user.user_id)
    told = 0
    for booking in bookings:
        if booking.status in ("pending", "confirmed") and booking.starts_at > now:
            _, therapist = parties(booking)
            mail.patient_left(booking, therapist)
            told += 1
            if payments is not None:
                booking.status = "cancelled"  # gone with the account: nothing is charged
                payments.booking_ended(booking)
    files.delete(patient_objects(files, owner))
    for booking in bookings:
        for claim in claim_ids(booking):
            if _claim_of(claim, booking.booking_id):
                SlotClaim(claim).delete()
    removed = 0
    for locator in locators():
        if locator.model is User:
            continue  # last, so a retry after a failure still finds the account
        retain = _retainer(locator.table)
        for item in list(locator.find(owner)):
            if retain is not None:
                retain(item)
                continue
            item.delete()
            removed += 1
    discard_codes(user.email)
    identity.delete_user(user.email)
    user.delete()
    standing.forget(user.user_id)  # its tokens stop working in this process at once
    logger.info("patient account deleted", extra={"records": removed + 1,
                                                  "therapists_told": told})
    return {"deleted": True, "records": removed + 1, "therapists_told": told}


def _retainer(table: str):
    """The function that keeps a record of `table` without the patient's identity, or None."""
    target = RETAINED_ON_ERASURE.get(table)
    if target is None:
        return None
    import importlib

    module, _, name = target.rpartition(".")
    return getattr(importlib.import_module(module), name)


def _claim_of(claim_id: str, booking_id: str) -> bool:
    try:
        return SlotClaim.get(claim_id).booking_id == booking_id
    except DoesNotExist:
        return False
