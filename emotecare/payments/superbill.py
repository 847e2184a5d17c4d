"""A superbill: the statement a patient sends their insurer for a paid session (PDF).

Written by hand (a one-page PDF of text lines needs no library): the therapist's name and
licence, the session's date, duration, service code and fee; diagnosis codes only when the
therapist added them.
"""
from __future__ import annotations

import re

from emotecare.accounts.tokens import Principal
from emotecare.db.models import Booking, Therapist, User
from emotecare.db.payments import Payment
from emotecare.errors import ConflictError, ForbiddenError
from emotecare.fields import Fields, parse_instant
from emotecare.payments.charges import load_payment
from emotecare.payments.receipts import money

# CPT 90837: psychotherapy, 60 minutes with the patient (the platform's session length).
DEFAULT_SERVICE_CODE = "90837"
_ICD10 = re.compile(r"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")
_SERVICE = re.compile(r"^[0-9A-Z]{4,6}$")


def set_codes(therapist: Principal, booking_id: str, body: dict) -> dict:
    """The therapist adds diagnosis codes (ICD-10) and may change the service code."""
    f = Fields(body, ("diagnosis_codes", "service_code"))
    payment = load_payment(therapist, booking_id)
    if therapist.user_id != payment.therapist_id:
        raise ForbiddenError("only the session's therapist codes its superbill")
    codes = dict(payment.superbill or {})
    if f.has("diagnosis_codes"):
        codes["diagnosis_codes"] = f.items("diagnosis_codes", _icd10, max_items=12)
    if f.has("service_code"):
        code = f.text("service_code", max_len=6).upper()
        if not _SERVICE.match(code):
            raise f.fail("service_code", "must be a CPT or HCPCS code such as 90837")
        codes["service_code"] = code
    payment.update(actions=[Payment.superbill.set(codes)])
    return {"diagnosis_codes": codes.get("diagnosis_codes", []),
            "service_code": codes.get("service_code", DEFAULT_SERVICE_CODE)}


def _icd10(value, name: str) -> str:
    from emotecare.errors import ValidationError

    code = value.strip().upper() if isinstance(value, str) else ""
    if not _ICD10.match(code):
        raise ValidationError(f"{name}: an ICD-10 code such as F41.1", field=name)
    return code


def superbill_lines(payment: Payment) -> list[str]:
    details = payment.details or {}
    codes = payment.superbill or {}
    booking = Booking.get(payment.booking_id)
    therapist = Therapist.get(payment.therapist_id).profile or {}
    start, end = parse_instant(booking.starts_at, "s"), parse_instant(booking.ends_at, "e")
    paid = int(payment.captured) - int(payment.refunded)
    lines = [
        "SUPERBILL - statement for insurance reimbursement",
        "",
        f"Provider: {therapist.get('name') or User.get(payment.therapist_id).name}",
        f"Credentials: {therapist.get('credentials', '')}",
        f"Licence: {therapist.get('licence_number', '')} ({therapist.get('jurisdiction', '')})",
        "",
        f"Patient: {details.get('patient_name', '')}",
        f"Date of service: {start:%Y-%m-%d}",
        f"Duration: {int((end - start).total_seconds() // 60)} minutes",
        "Place of service: 02 (telehealth)",
        f"Service code (CPT): {codes.get('service_code', DEFAULT_SERVICE_CODE)}",
    ]
    if codes.get("diagnosis_codes"):
        lines.append(f"Diagnosis codes (ICD-10): {', '.join(codes['diagnosis_codes'])}")
    lines += [f"Fee charged: {money(int(payment.list_price), payment.currency)}",
              f"Amount paid: {money(paid, payment.currency)}",
              f"Reference: booking {payment.booking_id}"]
    return lines


def superbill_pdf(principal: Principal, booking_id: str) -> bytes:
    payment = load_payment(principal, booking_id)
    if principal.user_id not in (payment.patient_id, payment.therapist_id):
        raise ForbiddenError("only the session's patient or therapist get its superbill")
    if payment.status != "captured" or int(payment.captured) <= int(payment.refunded):
        raise ConflictError("a superbill is made for a paid session only")
    return text_pdf(superbill_lines(payment))


def _pdf_text(line: str) -> str:
    # Helvetica with WinAnsi covers Latin-1; anything else becomes "?".
    raw = line.encode("latin-1", "replace").decode("latin-1")
    return raw.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_pdf(lines: list[str]) -> bytes:
    """A one-page A4 PDF 1.4 of `lines` in 11 pt Helvetica."""
    text = ["BT", "/F1 11 Tf", "14 TL", "56 780 Td"]
    for line in lines:
        text.append(f"({_pdf_text(line)}) Tj T*")
    text.append("ET")
    stream = "\n".join(text).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)
