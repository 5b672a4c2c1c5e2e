"""Reminders go through the job queue, once per action, and hold no names or details."""

from __future__ import annotations

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from cases import services
from cases.reminders import remind_due_actions
from core.scopes import scope
from vocabulary.models import Domain


def test_one_reminder_per_worker_without_details(trio, case):
    with scope(organisation=trio.org_a):
        goal = services.goal_create(case=case, actor=trio.bob, domain=Domain.objects.get(slug="housing"), title="x")
        for days in (0, 1, 30):
            services.action_create(
                goal=goal,
                actor=trio.bob,
                description="Call the landlord zqsecret",
                owner=trio.bob,
                due_on=timezone.localdate() + timedelta(days=days),
            )
    assert remind_due_actions(base_url="https://haven.example") == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["bob@example.org"] and "2" in message.subject
    assert "zqsecret" not in message.body and "Jade" not in message.body
    assert "https://haven.example/" in message.body
    assert remind_due_actions() == 0  # each action once
