"""Throttling counters: one atomic counter per limit, subject and time window (TTL-expired)."""
from __future__ import annotations

from pynamodb.attributes import NumberAttribute, TTLAttribute, UnicodeAttribute
from pynamodb.models import Model


class ThrottleCounter(Model):
    """Hits of one subject against one limit in its current window.

    `counter_key` = "<limit>#<sha-256 of the subject>": the subject (an e-mail or a client
    address) is stored only as a hash. A window starts at the first hit after the previous
    one ended (`window_ends`, epoch seconds); the item expires a minute after it.
    """

    class Meta:
        table_name = "throttle-counters"

    counter_key = UnicodeAttribute(hash_key=True)
    hits = NumberAttribute(default=0)
    window_ends = NumberAttribute()
    expires_at = TTLAttribute()


class KnownDevice(Model):
    """A client that has signed in to an account before (OWASP's "device cookie").

    `device_key` = SHA-256 of "<e-mail>\\n<device token>": the token is a random secret the
    client keeps and sends with its next sign-in; only its hash is stored, bound to the
    account's e-mail. Expires `KNOWN_FOR` after its last successful sign-in.
    """

    class Meta:
        table_name = "known-devices"

    device_key = UnicodeAttribute(hash_key=True)
    expires_at = TTLAttribute()
