"""Writes: a request arrives from the public form; an admin triages it and the reply goes by email, in the
requester's language, through the job queue."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from audit.services import Action, audit_log
from core.email import email_enqueue
from core.scopes import scope
from research.models import Decision, ResearchRequest

RETENTION_DAYS = 365


def request_create(
    *,
    organisation: Organisation,
    name: str,
    email: str,
    kind: str,
    affiliation: str,
    questions: str,
    duration: str,
    anonymisation: str,
    compensation_offered: bool,
    compensation: str,
    needed_by: date,
    language: str,
) -> ResearchRequest:
    with scope(organisation=organisation), transaction.atomic():
        found = ResearchRequest(
            organisation=organisation,
            name=name,
            email=email,
            kind=kind,
            affiliation=affiliation,
            questions=questions,
            duration=duration,
            anonymisation=anonymisation,
            compensation_offered=compensation_offered,
            compensation=compensation if compensation_offered else "",
            needed_by=needed_by,
            language=language,
            received_on=timezone.localdate(),
        )
        found.full_clean()
        found.save()
        audit_log(actor=None, action=Action.CREATE, target=found, organisation_id=organisation.pk)
    return found


def request_decide(*, actor: User, request: ResearchRequest, decision: str, reply: str) -> None:
    """Record the decision and queue the reply to the requester, in the language they wrote in."""
    if decision == Decision.NEW:
        raise ValidationError(_("Choose accept, refuse or refer to an expert."))
    if not reply.strip():
        raise ValidationError(_("Write the reply before sending it."))
    with transaction.atomic():
        request.decision = decision
        request.reply = reply
        request.decided_on = timezone.localdate()
        request.decided_by = actor
        request.full_clean()
        request.save()
        audit_log(actor=actor, action=Action.UPDATE, target=request)
        email_enqueue(
            to=request.email,
            template="research/email/reply",
            context={"body": reply, "organisation": request.organisation.name},
            language=request.language,
        )


def purge_expired() -> int:
    """Requests a year after their decision, or a year after the date they needed an answer by."""
    cutoff = timezone.localdate() - timedelta(days=RETENTION_DAYS)
    decided = ResearchRequest.objects.filter(decided_on__lt=cutoff).delete()[0]
    stale = ResearchRequest.objects.filter(decided_on__isnull=True, needed_by__lt=cutoff).delete()[0]
    return decided + stale
