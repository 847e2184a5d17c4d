"""The front end's security headers, one definition for CloudFront and the local server.

The page holds a refresh token in `sessionStorage`, so nothing but our own scripts may run
in it: scripts and styles come from our origin only (no inline code: `h()` sets styles
through the CSSOM, which CSP allows), it talks only to the API, the frames bucket (presigned
uploads) and STUN/TURN servers, and no other site may frame it.
"""
from __future__ import annotations

from typing import Iterable

HSTS_MAX_AGE_S = 2 * 365 * 24 * 3600
REFERRER_POLICY = "no-referrer"
FRAME_OPTIONS = "DENY"
# Camera and microphone for the session room; nothing else the page does not use.
PERMISSIONS_POLICY = "camera=(self), microphone=(self), geolocation=(), payment=(), usb=()"


STRIPE_ORIGIN = "https://js.stripe.com"  # Stripe.js; localstripe's stand-in locally


def content_security_policy(api_origin: str, upload_origins: Iterable[str],
                            stripe_origin: str = STRIPE_ORIGIN) -> str:
    """The CSP for a front end whose API is at `api_origin` and uploads go to `upload_origins`.

    Stripe.js is the one foreign script: it takes card details in the page and sends them to
    Stripe (`stripe_origin`, and Stripe's API), so they never reach our API."""
    stripe_api = "https://api.stripe.com" if stripe_origin == STRIPE_ORIGIN else stripe_origin
    connect = ["'self'", api_origin, *upload_origins, stripe_api, "stun:", "turn:", "turns:"]
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' {stripe_origin}",
        f"frame-src {stripe_origin}",
        "style-src 'self'",
        # Therapists' photos are https links to wherever they keep them.
        "img-src 'self' data: https:",
        "media-src 'self' blob:",
        "font-src 'self'",
        f"connect-src {' '.join(connect)}",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def security_headers(api_origin: str, upload_origins: Iterable[str],
                     stripe_origin: str = STRIPE_ORIGIN) -> dict[str, str]:
    """Every security header of a front-end response, by name."""
    return {
        "Content-Security-Policy": content_security_policy(api_origin, upload_origins,
                                                           stripe_origin),
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": FRAME_OPTIONS,
        "Referrer-Policy": REFERRER_POLICY,
        "Strict-Transport-Security": f"max-age={HSTS_MAX_AGE_S}; includeSubDomains",
        "Permissions-Policy": PERMISSIONS_POLICY,
    }
