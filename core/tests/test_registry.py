import pytest
from django.core.management import call_command

from core import registry
from core.registry import StaffLink


def test_demo_seeders_run_in_order(monkeypatch, capsys):
    monkeypatch.setattr(registry, "_seeders", {})
    registry.register_demo_seeder("late", lambda: "late done", order=90)
    registry.register_demo_seeder("early", lambda: "early done", order=10)
    assert [s.name for s in registry.demo_seeders()] == ["early", "late"]


@pytest.mark.django_db
def test_seed_demo_runs_registered_seeders(monkeypatch, capsys):
    monkeypatch.setattr(registry, "_seeders", {})
    registry.register_demo_seeder("probe", lambda: "probe seeded")
    call_command("seed_demo")
    assert "probe: probe seeded" in capsys.readouterr().out


@pytest.mark.django_db
def test_staff_home_lists_registered_links(client, monkeypatch, trio):
    from accounts.testing import sign_in

    monkeypatch.setattr(registry, "_staff_links", {})
    registry.register_staff_links(
        "probe", lambda user: [StaffLink("/probe/", "Probe for " + user.name)] if user == trio.alice else []
    )
    sign_in(client, trio.alice)
    page = client.get("/en/accounts/").content.decode()
    assert 'href="/probe/"' in page and "Probe for" in page
    sign_in(client, trio.bob)
    assert 'href="/probe/"' not in client.get("/en/accounts/").content.decode()
