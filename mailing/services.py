"""Writes for the mailing list: drafts, sending through the job queue, unsubscribing."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.models import Organisation, User
from audit.services import Action, audit_log
from core.scopes import scope
from mailing.models import Newsletter, NewsletterStatus, Segment
from mailing.tasks import newsletter_deliver
from mailing.tokens import read_token
from members import services as member_services
from members.selectors import member_get, newsletter_recipients


def newsletter_save(
    *, actor: User, organisation: Organisation, newsletter: Newsletter | None = None, **fields: Any
) -> Newsletter:
    with transaction.atomic(), scope(organisation=organisation):
        newsletter = newsletter or Newsletter(organisation=organisation)
        if newsletter.status != NewsletterStatus.DRAFT:
            raise ValueError("A newsletter that was sent cannot change.")
        for name, value in fields.items():
            setattr(newsletter, name, value)
        if newsletter.segment != Segment.LANGUAGE:
            newsletter.language = ""
        newsletter.full_clean()
        newsletter.save()
        audit_log(actor=actor, action=Action.UPDATE, target=newsletter)
    return newsletter


def recipients_of(newsletter: Newsletter) -> list[Any]:
    return newsletter_recipients(
        newsletter.organisation,
        segment="active" if newsletter.segment == Segment.ACTIVE else "all",
        language=newsletter.language if newsletter.segment == Segment.LANGUAGE else "",
    )


def newsletter_send(*, actor: User, newsletter: Newsletter, base_url: str) -> int:
    """Queue one job per recipient; each sends in the recipient's language and counts itself."""
    recipients = recipients_of(newsletter)
    with transaction.atomic(), scope(organisation=newsletter.organisation_id):
        locked = Newsletter.objects.select_for_update().get(pk=newsletter.pk)
        if locked.status != NewsletterStatus.DRAFT:
            return 0
        locked.status = NewsletterStatus.SENT if not recipients else NewsletterStatus.SENDING
        locked.total = len(recipients)
        locked.queued_at = timezone.now()
        locked.finished_at = None if recipients else timezone.now()
        locked.save(update_fields=["status", "total", "queued_at", "finished_at"])
        audit_log(actor=actor, action=Action.SHARE, target=locked)
        ids = [str(member.pk) for member in recipients]
        transaction.on_commit(
            lambda: [
                newsletter_deliver.enqueue(
                    organisation_id=locked.organisation_id,
                    newsletter_id=str(locked.pk),
                    member_id=member_id,
                    base_url=base_url,
                )
                for member_id in ids
            ]
        )
    return len(recipients)


def unsubscribe(*, token: str) -> bool:
    """Leave the mailing list from the link in an email, without signing in: the address is erased."""
    found = read_token(token)
    if found is None:
        return False
    organisation_id, member_id = found
    with scope(organisation=organisation_id):
        member = member_get(Organisation(pk=organisation_id), member_id)
    if member is not None and (member.email or member.newsletter):
        member_services.member_unsubscribe(member=member)
    return True
