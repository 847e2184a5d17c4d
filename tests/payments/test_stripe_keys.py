"""Where the Stripe keys come from: Secrets Manager on AWS (read once), settings locally."""
from __future__ import annotations

import json

import pytest

from emotecare.errors import SettingsError
from emotecare.settings import load_settings, stripe_keys

BASE = {"AWS_REGION": "eu-west-2", **{f"EMOTECARE_{k}": "x" for k in (
    "STAGE", "FRAMES_BUCKET", "REPORTS_BUCKET", "FRAMES_QUEUE_URL", "REPORTS_QUEUE_URL",
    "USER_POOL_ID", "USER_POOL_CLIENT_ID", "TABLE_PREFIX")}}


class FakeSecrets:
    def __init__(self, value: dict):
        self.value, self.calls = value, 0

    def get_secret_value(self, SecretId):  # noqa: N803 (boto3's name)
        self.calls += 1
        return {"SecretString": json.dumps(self.value)}


def test_keys_come_from_the_secret_when_one_is_named_and_are_read_once():
    settings = load_settings({**BASE, "EMOTECARE_STRIPE_KEYS_SECRET_ID": "arn:secret:once",
                              "EMOTECARE_STRIPE_SECRET_KEY": "sk_ignored"})
    secrets = FakeSecrets({"secret_key": "sk_live_1", "publishable_key": "pk_live_1",
                           "webhook_secret": "whsec_1"})
    for _ in range(3):
        keys = stripe_keys(settings, lambda: secrets)
    assert (keys.secret_key, keys.publishable_key, keys.webhook_secret) == (
        "sk_live_1", "pk_live_1", "whsec_1")
    assert secrets.calls == 1


def test_an_empty_secret_is_a_settings_error_naming_what_to_set():
    settings = load_settings({**BASE, "EMOTECARE_STRIPE_KEYS_SECRET_ID": "arn:secret:empty"})
    with pytest.raises(SettingsError, match="Stripe keys are not configured"):
        stripe_keys(settings, lambda: FakeSecrets({"secret_key": "", "publishable_key": "",
                                                   "webhook_secret": ""}))


def test_locally_the_keys_are_settings():
    settings = load_settings({**BASE, "EMOTECARE_STRIPE_SECRET_KEY": "sk_test_1",
                              "EMOTECARE_STRIPE_WEBHOOK_SECRET": "whsec_local"})
    assert stripe_keys(settings).secret_key == "sk_test_1"
