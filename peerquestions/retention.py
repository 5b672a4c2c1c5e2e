from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from peerquestions.models import PeerQuestion

KEEP_DAYS = 365


def purge_old_questions() -> int:
    """Questions and their answers go a year after they were asked (a FAQ draft made from one stays: it holds
    no question as typed, only the text staff wrote). Runs inside purge_all's scope."""
    cutoff = timezone.localdate() - timedelta(days=KEEP_DAYS)
    deleted, _ = PeerQuestion.objects.filter(asked_on__lt=cutoff).delete()
    return deleted
