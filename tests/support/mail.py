"""Read the mail the platform sent through moto's SES (moto delivers nothing)."""
from __future__ import annotations

import email
import time
from dataclasses import dataclass
from email import policy

import requests


@dataclass
class SentMail:
    to: list[str]
    subject: str
    text: str
    attachments: dict[str, str]  # filename → content


def _parse(raw: str, destinations: list[str]) -> SentMail:
    message = email.message_from_string(raw, policy=policy.default)
    body = message.get_body(preferencelist=("plain",))
    attachments = {part.get_filename(): part.get_content()
                   for part in message.iter_attachments()}
    attachments = {name: (c.decode() if isinstance(c, bytes) else c)
                   for name, c in attachments.items()}
    return SentMail(sorted(set(destinations)), str(message["Subject"]),
                    body.get_content() if body else "", attachments)


def sent_mails(stack, to: str | None = None) -> list[SentMail]:
    """Every mail sent so far (optionally only those to `to`), oldest first."""
    data = requests.get(f"{stack.env['EMOTECARE_AWS_ENDPOINT']}/moto-api/data.json",
                        timeout=30).json()
    mails = [_parse(m["raw_data"], m["destinations"]) for m in data["ses"]["RawMessage"]]
    return [m for m in mails if to is None or to.lower() in m.to]


def wait_for_mail(stack, to: str, subject_contains: str, timeout_s: float = 10) -> SentMail:
    deadline = time.monotonic() + timeout_s
    while True:
        found = [m for m in sent_mails(stack, to) if subject_contains in m.subject]
        if found:
            return found[-1]
        if time.monotonic() > deadline:
            subjects = [m.subject for m in sent_mails(stack, to)]
            raise AssertionError(f"no mail to {to} with {subject_contains!r}; got {subjects}")
        time.sleep(0.5)
