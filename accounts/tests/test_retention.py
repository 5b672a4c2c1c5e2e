"""Expired Django session rows are deleted by the daily purge; live ones stay."""

from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from core.retention import purge_all


@pytest.mark.django_db
def test_expired_django_sessions_are_purged_and_live_ones_kept():
    live = SessionStore()
    live["x"] = 1
    live.create()
    expired = SessionStore()
    expired["x"] = 2
    expired.create()
    Session.objects.filter(session_key=expired.session_key).update(expire_date=timezone.now() - timedelta(seconds=1))
    counts = purge_all()
    assert counts["django-sessions"] == 1
    assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]
