"""Make moto's S3 answer browser form uploads (presigned POST) with the bucket's CORS headers.

With `MOTO_DISABLE_GLOBAL_CORS=true` moto applies a bucket's CORS rules to GET/PUT and to
preflights, but its POST-object handler returns no `Access-Control-Allow-Origin`, so a
browser sees a successful upload as a network error (and would retry it). AWS S3 does send
the header; this restores that behaviour locally. Nothing else about the upload changes.
"""
from __future__ import annotations


def apply_post_object_cors() -> None:
    """Patch moto's S3 POST-object response to carry the matching CORS headers (idempotent)."""
    from moto.s3.responses import S3Response

    original = S3Response._bucket_response_post
    if getattr(original, "_adds_cors", False):
        return

    def bucket_response_post(self, request, bucket_name):
        status, headers, body = original(self, request, bucket_name)
        return status, {**self._get_cors_headers_other(), **(headers or {})}, body

    bucket_response_post._adds_cors = True
    S3Response._bucket_response_post = bucket_response_post
