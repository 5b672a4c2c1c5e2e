from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from accounts.models import Organisation
from core.scopes import scope
from events.models import Event


def make_event(organisation: Organisation, **fields: Any) -> Event:
    start = timezone.now() + timedelta(days=3)
    values: dict[str, Any] = {
        "organisation": organisation,
        "title": {"en": "Monthly meetup", "nl": "Maandelijkse ontmoeting", "fr": "Rencontre mensuelle"},
        "city": "Gent",
        "address": "Secret street 9",
        "starts_at": start,
        "ends_at": start + timedelta(hours=2),
        "capacity": 2,
    }
    values.update(fields)
    with scope(organisation=organisation):
        event = Event(**values)
        event.save()
    return event
