"""A patient's right to their data: download all of it, or delete the account and all of it."""
from __future__ import annotations

from emotecare.clock import iso_seconds, utc_now
from emotecare.accounts.erasure import erase_patient
from emotecare.accounts.export_format import item_to_json
from emotecare.accounts.identity import IdentityProvider
from emotecare.accounts.personal_data import (
    NOT_EXPORTED, Owner, PatientFiles, locators, patient_objects)
from emotecare.accounts.profiles import load_user, public_user
from emotecare.accounts.tokens import Principal
from emotecare.bookings.emails import BookingMail


def export_patient_data(principal: Principal, files: PatientFiles) -> dict:
    """Every record of the patient, grouped by table, plus the list of their stored files."""
    user = load_user(principal.user_id)
    owner = Owner.of(user.user_id)
    tables = {}
    for locator in locators():
        if locator.table in NOT_EXPORTED:
            continue
        tables[locator.table] = [item_to_json(item) for item in locator.find(owner)]
    return {"format": "emotecare-export/1", "exported_at": iso_seconds(utc_now()),
            "account": public_user(user), "tables": tables,
            "files": [{"bucket": b, "key": k} for b, k in patient_objects(files, owner)]}


def delete_patient_account(principal: Principal, identity: IdentityProvider,
                           files: PatientFiles, mail: BookingMail, payments=None) -> dict:
    """Cancel future sessions (telling the therapists, releasing card holds), then erase every
    record and file; payment records are kept without the patient's identity.

    The request is itself one of the account's writes in flight (`standing.writing`), which
    the erasure does not wait for."""
    user = load_user(principal.user_id)
    return erase_patient(user.user_id, user.email, identity, files, mail, own_writes=1,
                         payments=payments)
