"""Report pages in the reports bucket: one object per (patient, week), read via presigned URLs."""
from __future__ import annotations

HTML_URL_EXPIRES_S = 15 * 60


class ReportFiles:
    """Stores and links report HTML in one S3 bucket; handed its S3 client."""

    def __init__(self, s3, bucket: str):
        self._s3 = s3
        self._bucket = bucket

    @staticmethod
    def html_key(patient_id: str, week: str, audience: str = "") -> str:
        # Deterministic: compiling the same week again overwrites the same object. The care
        # team's page (without private self-reflect sessions) is a second object.
        return f"reports/{patient_id}/{week}{'.' + audience if audience else ''}.html"

    def put_html(self, patient_id: str, week: str, html: str, audience: str = "") -> str:
        key = self.html_key(patient_id, week, audience)
        self._s3.put_object(Bucket=self._bucket, Key=key, Body=html.encode("utf-8"),
                            ContentType="text/html; charset=utf-8", CacheControl="no-store",
                            ServerSideEncryption="AES256")
        return key

    def read_html(self, key: str) -> str:
        return self._s3.get_object(Bucket=self._bucket, Key=key)["Body"].read().decode("utf-8")

    def html_url(self, key: str, expires_s: int = HTML_URL_EXPIRES_S) -> str:
        """A short-lived GET link to one report page (the bucket itself is private)."""
        return self._s3.generate_presigned_url(
            "get_object", Params={"Bucket": self._bucket, "Key": key}, ExpiresIn=expires_s)
