from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from core.retention import PURGE_REASON
from core.scopes import all_organisations
from directory.models import Suggestion

DONE_SUGGESTIONS_DAYS = 90


def purge_done_suggestions() -> int:
    """Free-text corrections can mention people: once handled, they go after 90 days."""
    cutoff = timezone.localdate() - timedelta(days=DONE_SUGGESTIONS_DAYS)
    with all_organisations(reason=PURGE_REASON):
        deleted, _ = Suggestion.objects.filter(done_on__lt=cutoff).delete()
    return deleted
