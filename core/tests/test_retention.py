from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.models import StaffSession
from accounts.testing import UserFactory
from core.retention import purge_all
from search.models import MissedQuery


@pytest.mark.django_db
def test_expired_personal_data_is_purged_and_current_data_kept(capsys):
    user = UserFactory()
    old = StaffSession.objects.create(user=user, ended_at=timezone.now() - timedelta(days=31))
    current = StaffSession.objects.create(user=user)
    MissedQuery.objects.create(text="old words", lang="en", day=timezone.localdate() - timedelta(days=200))
    MissedQuery.objects.create(text="new words", lang="en", day=timezone.localdate())
    counts = purge_all()
    assert counts["staff-sessions"] == 1 and counts["missed-searches"] == 1
    assert not StaffSession.objects.filter(pk=old.pk).exists()
    assert StaffSession.objects.filter(pk=current.pk).exists()
    assert list(MissedQuery.objects.values_list("text", flat=True)) == ["new words"]
    call_command("purge_expired")
    assert "staff-sessions: 0 deleted" in capsys.readouterr().out
