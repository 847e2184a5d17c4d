"""Tell the other side by e-mail that a message is waiting: no content, once an hour at most."""
from __future__ import annotations

from datetime import timedelta

from botocore.exceptions import BotoCoreError, ClientError

from emotecare.clock import iso, utc_now
from emotecare.db.models import User
from emotecare.log import get_logger
from emotecare.messaging import store
from emotecare.notifications.mailer import Mailer
from emotecare.notifications.templates import send_templated

logger = get_logger("messaging")
MAIL_INTERVAL = timedelta(hours=1)


def tell_recipient(recipient: User, sender_id: str, sender_name: str, mailer: Mailer,
                   app_url: str) -> bool:
    """Mail `recipient` unless they were mailed about this thread within the hour."""
    if not store.claim_notification(recipient.user_id, sender_id, iso(utc_now() - MAIL_INTERVAL)):
        return False
    try:
        send_templated(mailer, "message_waiting", [recipient.email], name=recipient.name or "there",
                       sender=sender_name or "Someone", link=f"{app_url.rstrip('/')}/#/messages/{sender_id}")
    except (ClientError, BotoCoreError):
        # The message is stored either way; the next one tries the mail again.
        logger.warning("message mail failed", exc_info=True)
        store.release_notification(recipient.user_id, sender_id)
        return False
    return True
