"""Send e-mail through Amazon SES: one small class handed its SES client."""
from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid

from emotecare.log import get_logger

logger = get_logger("notifications")


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: str
    mime_type: str  # "text/calendar; method=REQUEST"


class Mailer:
    """Sends plain-text mails (with optional attachments) from one sender address."""

    def __init__(self, ses_client, sender: str):
        self._ses = ses_client
        self._sender = sender

    def send(self, to: list[str], subject: str, text: str,
             attachments: tuple[Attachment, ...] = ()) -> str:
        """Send one message to `to`; return SES's message id."""
        message = EmailMessage()
        message["From"] = self._sender
        message["To"] = ", ".join(to)
        message["Subject"] = subject
        message["Message-ID"] = make_msgid(domain=self._sender.partition("@")[2] or None)
        message.set_content(text)
        for attachment in attachments:
            maintype, _, rest = attachment.mime_type.partition("/")
            subtype, _, params = rest.partition(";")
            message.add_attachment(attachment.content.encode(), maintype=maintype,
                                   subtype=subtype.strip(), filename=attachment.filename,
                                   params=_mime_params(params))
        response = self._ses.send_raw_email(Source=self._sender, Destinations=list(to),
                                            RawMessage={"Data": message.as_bytes()})
        logger.info("mail sent", extra={"subject": subject, "recipients": len(to),
                                        "message_id": response["MessageId"]})
        return response["MessageId"]


def _mime_params(params: str) -> dict[str, str]:
    pairs = (p.strip().partition("=") for p in params.split(";") if p.strip())
    return {key: value for key, _, value in pairs}
