"""Mails rendered from jinja2 templates in `templates/` (first line: `Subject: …`)."""
from __future__ import annotations

import functools
from pathlib import Path

import jinja2

from emotecare.notifications.mailer import Attachment, Mailer

_TEMPLATE_DIR = Path(__file__).with_name("templates")


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    # Plain-text mails: no HTML autoescaping, but undefined variables are errors, not blanks.
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(_TEMPLATE_DIR)),
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                              autoescape=False)


def render_mail(template: str, **context) -> tuple[str, str]:
    """Render `templates/<template>.txt`; return (subject, body)."""
    rendered = _environment().get_template(f"{template}.txt").render(**context)
    first, _, body = rendered.partition("\n")
    if not first.startswith("Subject: "):
        raise ValueError(f"mail template {template!r} must start with 'Subject: '")
    return first[len("Subject: "):].strip(), body.lstrip("\n")


def send_templated(mailer: Mailer, template: str, to: list[str],
                   attachments: tuple[Attachment, ...] = (), **context) -> str:
    """Render `template` with `context` and send it to `to`."""
    subject, body = render_mail(template, **context)
    return mailer.send(to, subject, body, attachments)
