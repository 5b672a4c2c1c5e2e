"""Reminders of actions due: one email per worker, through the job queue, holding no names or details.

``manage.py case_reminders`` runs it daily (cron or a systemd timer, like ``purge_expired``); each action is
reminded once (``reminded_on``), two days before its due date or as soon as it is overdue.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from accounts.selectors import active_organisations
from cases.models import CaseStatus, PlanAction
from core.email import email_enqueue
from core.scopes import scope

DAYS_BEFORE = 2


def remind_due_actions(*, base_url: str = "", on: date | None = None) -> int:
    """Queue the reminders of every active organisation; returns how many emails were queued."""
    on = on or timezone.localdate()
    sent = 0
    for organisation in active_organisations():
        with scope(organisation=organisation), transaction.atomic():
            due = PlanAction.objects.filter(
                done_on__isnull=True,
                reminded_on__isnull=True,
                owner__isnull=False,
                owner__is_active=True,
                case__status=CaseStatus.OPEN,
                due_on__lte=on + timedelta(days=DAYS_BEFORE),
            ).select_for_update(of=("self",))
            found = list(due.select_related("owner"))
            counts = Counter(action.owner_id for action in found)
            owners = {action.owner_id: action.owner for action in found if action.owner is not None}
            for owner_id, count in counts.items():
                owner = owners[owner_id]
                with translation.override(owner.language):
                    path = reverse("cases:dashboard", kwargs={"org": organisation.slug})
                email_enqueue(
                    to=owner.email,
                    template="cases/email/reminder",
                    context={"count": count, "url": base_url.rstrip("/") + path},
                    language=owner.language,
                )
                sent += 1
            PlanAction.objects.filter(pk__in=[action.pk for action in found]).update(reminded_on=on)
    return sent
