from __future__ import annotations

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.db.models import Q
from django.utils import timezone

from accounts.models import StaffSession, TOTPDevice

ENDED_SESSIONS_DAYS = 30
UNCONFIRMED_AUTHENTICATOR_DAYS = 1


def purge_staff_sessions() -> int:
    """Ended (or long abandoned) staff sessions are kept 30 days so people can review them, then deleted."""
    cutoff = timezone.now() - timedelta(days=ENDED_SESSIONS_DAYS)
    deleted, _ = StaffSession.objects.filter(Q(ended_at__lt=cutoff) | Q(last_seen_at__lt=cutoff)).delete()
    return deleted


def purge_unconfirmed_authenticators() -> int:
    cutoff = timezone.now() - timedelta(days=UNCONFIRMED_AUTHENTICATOR_DAYS)
    deleted, _ = TOTPDevice.objects.filter(confirmed=False, created_at__lt=cutoff).delete()
    return deleted


def purge_django_sessions() -> int:
    """Django's own session rows (staff sign-ins and private-plan visits) once they have expired.

    Django never deletes them by itself; an expired row no longer works but would otherwise stay."""
    deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted
