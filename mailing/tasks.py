"""The job that sends one newsletter to one member (`manage.py db_worker` runs it)."""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from core.i18n import pick
from core.scopes import scope
from core.tasks import send_email
from mailing.models import Newsletter, NewsletterStatus
from mailing.tokens import unsubscribe_token
from members.selectors import member_get

logger = logging.getLogger("haven.mailing")


@task()
def newsletter_deliver(*, organisation_id: int, newsletter_id: str, member_id: str, base_url: str) -> str:
    """Render the newsletter in the member's language (by the core's email job, run here) and count it."""
    with scope(organisation=organisation_id):
        newsletter = Newsletter.objects.get(pk=newsletter_id)
        member = member_get(newsletter.organisation, member_id)
        outcome = "skipped"
        if member is not None and member.email and member.email_confirmed and member.newsletter:
            language = member.language
            with translation.override(language):
                path = reverse(
                    "mailing:unsubscribe",
                    kwargs={"token": unsubscribe_token(organisation_id=organisation_id, member_id=str(member.pk))},
                )
            unsubscribe = base_url.rstrip("/") + path
            try:
                send_email.call(
                    to=[member.email],
                    template="mailing/email/newsletter",
                    context={
                        "organisation": newsletter.organisation.name,
                        "subject": pick(newsletter.subject, language).text,
                        "body": pick(newsletter.body, language).text,
                        "unsubscribe": unsubscribe,
                    },
                    language=language,
                    # Mail programs show their own "unsubscribe" button and POST to the link (RFC 2369, RFC 8058);
                    # the page takes that POST without a cookie, the signed token being the proof.
                    headers={
                        "List-Unsubscribe": f"<{unsubscribe}>",
                        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                    },
                )
                outcome = "sent"
            except Exception:  # noqa: BLE001  (one failed address must not stop the count)
                logger.warning("newsletter %s: one delivery failed", newsletter_id)
                outcome = "failed"
        with transaction.atomic():
            Newsletter.objects.filter(pk=newsletter_id).update(**{outcome: F(outcome) + 1})
            newsletter.refresh_from_db()
            if newsletter.done >= newsletter.total and newsletter.status != NewsletterStatus.SENT:
                Newsletter.objects.filter(pk=newsletter_id).update(
                    status=NewsletterStatus.SENT, finished_at=timezone.now()
                )
    return outcome
