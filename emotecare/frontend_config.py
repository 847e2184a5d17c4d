"""The `config.json` that points the static front end at its API and user pool.

Served by the local stack and uploaded by `infra/deploy`, so both write the same keys.
"""
from __future__ import annotations


def frontend_config(api_url: str, region: str, user_pool_id: str, user_pool_client_id: str,
                    stage: str, stripe_js_url: str = "https://js.stripe.com/v3/") -> dict[str, str]:
    """`stripeJsUrl`: Stripe.js (localstripe's stand-in locally); card details go from the
    page straight to Stripe, never through our API (the publishable key comes with each
    card form from `POST /payments/card-setup`)."""
    return {"apiUrl": api_url.rstrip("/"), "region": region, "userPoolId": user_pool_id,
            "userPoolClientId": user_pool_client_id, "stage": stage,
            "stripeJsUrl": stripe_js_url}
