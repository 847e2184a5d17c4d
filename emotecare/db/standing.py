"""Per account: writes in flight and the erasure ledger (one row, keyed by the account id)."""
from __future__ import annotations

from pynamodb.attributes import ListAttribute, NumberAttribute, TTLAttribute, UnicodeAttribute
from pynamodb.models import Model


class AccountStanding(Model):
    """`writes_in_flight` counts the account's write requests now running (every process adds
    one before its view runs and takes it back after, under the condition that no erasure
    has started). `erasure_started_at` marks the account as being erased; `email` and
    `session_ids` are what the erasure needs after the rows that held them are gone, and are
    cleared once it is verified (then the row only says when, and expires)."""

    class Meta:
        table_name = "account-standing"

    account_id = UnicodeAttribute(hash_key=True)
    writes_in_flight = NumberAttribute(default=0)
    erasure_started_at = UnicodeAttribute(null=True)
    erasure_verified_at = UnicodeAttribute(null=True)
    email = UnicodeAttribute(null=True)
    session_ids = ListAttribute(of=UnicodeAttribute, null=True)
    expires_at = TTLAttribute(null=True)
