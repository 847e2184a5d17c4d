"""The `config.json` that points the static front end at its API and user pool.

Served by the local stack and uploaded by `infra/deploy`, so both write the same keys.
"""
from __future__ import annotations


def frontend_config(api_url: str, region: str, user_pool_id: str, user_pool_client_id: str,
                    stage: str) -> dict[str, str]:
    return {"apiUrl": api_url.rstrip("/"), "region": region, "userPoolId": user_pool_id,
            "userPoolClientId": user_pool_client_id, "stage": stage}
