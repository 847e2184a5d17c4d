"""The Stripe keys' secret: the functions read it (emotecare.settings.stripe_keys); an
operator puts the real keys in after the first deploy (docs/payments.md), so they are never
in the template, the repository or a function's environment."""
from __future__ import annotations

import json

from infra.cfn.common import Names

STRIPE_KEYS_SECRET = "StripeKeysSecret"
_EMPTY_KEYS = {"secret_key": "", "publishable_key": "", "webhook_secret": ""}


def stripe_keys_secret(names: Names) -> dict:
    return {STRIPE_KEYS_SECRET: {
        "Type": "AWS::SecretsManager::Secret", "DeletionPolicy": "Retain",
        "UpdateReplacePolicy": "Retain",
        "Properties": {"Name": f"{names.prefix}/stripe-keys",
                       "Description": "Stripe secret key, publishable key and webhook signing "
                                      "secret (JSON); put in by an operator",
                       "SecretString": json.dumps(_EMPTY_KEYS)}}}
