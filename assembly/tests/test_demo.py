"""The demo: a small assembly in three languages for demo-outreach, one open and one closed; peer questions."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import Client, override_settings

from accounts.models import Organisation, User
from accounts.testing import sign_in
from assembly.demo import seed_demo
from assembly.models import Assembly, Status
from core.scopes import scope
from members.demo import DEMO_CODE, DEMO_PASSPHRASE


@pytest.mark.django_db
def test_the_demo_member_votes_and_staff_see_the_assemblies(capsys):
    call_command("seed_demo")
    call_command("seed_demo")  # safe twice
    org = Organisation.objects.get(slug="demo-outreach")
    with scope(organisation=org):
        statuses = sorted(a.status for a in Assembly.objects.all())
        closed = Assembly.objects.get(status=Status.CLOSED)
        assert all(closed.title.get(lang) for lang in ("nl", "fr", "en"))
    assert statuses == [Status.CLOSED, Status.OPEN]
    member = Client()
    member.post("/nl/members/demo-outreach/sign-in/", {"code": DEMO_CODE, "passphrase": DEMO_PASSPHRASE})
    page = member.get("/nl/assembly/demo-outreach/").content.decode()
    assert "Algemene vergadering" in page
    results = Client().get(f"/fr/assembly/demo-outreach/{closed.pk}/results/").content.decode()
    assert "Assemblée générale" in results and 'data-consistent="yes"' in results
    admin = Client()
    sign_in(admin, User.objects.get(email="admin@example.org"))
    home = admin.get("/en/accounts/").content.decode()
    assert "/en/assembly/manage/demo-outreach/" in home and "/en/questions/staff/demo-outreach/" in home


@pytest.mark.django_db
def test_the_demo_is_refused_in_production():
    with override_settings(PRODUCTION=True), pytest.raises(ImproperlyConfigured):
        seed_demo()
