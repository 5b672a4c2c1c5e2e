from __future__ import annotations

from accounts.models import Organisation
from core.scopes import scope
from research.models import ResearchRequest


def requests_of(*, organisation: Organisation, decision: str = "") -> list[ResearchRequest]:
    with scope(organisation=organisation):
        found = ResearchRequest.objects.all()
        if decision:
            found = found.filter(decision=decision)
        return list(found)
