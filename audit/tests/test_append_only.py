"""The database itself keeps the audit log append-only, on SQLite as on PostgreSQL."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from accounts.testing import all_audit_entries
from audit.maintenance import audit_unlocked
from audit.services import Action, audit_log


def _refused(sql: str, params: list[object] | None = None) -> None:
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params or [])


@pytest.mark.django_db
def test_the_database_refuses_to_update_or_delete_entries():
    entry = audit_log(actor=None, action=Action.READ, target_type="x", target_id="1")
    _refused("UPDATE audit_auditentry SET action = 'delete' WHERE id = %s", [entry.pk])
    _refused("DELETE FROM audit_auditentry WHERE id = %s", [entry.pk])
    _refused("DELETE FROM audit_auditentry")
    assert all_audit_entries().filter(pk=entry.pk, action=Action.READ).exists()


@pytest.mark.django_db
def test_only_the_test_suites_flush_may_empty_the_audit_tables(settings):
    """The flag that lets the flush through cannot be raised outside HAVEN_ENV=test."""
    settings.TESTING = False
    with pytest.raises(ImproperlyConfigured), audit_unlocked():
        pass


@pytest.mark.django_db
def test_the_unlock_lasts_only_for_the_flush():
    audit_log(actor=None, action=Action.READ, target_type="x", target_id="1")
    if connection.vendor == "sqlite":
        with audit_unlocked():
            pass  # opened and closed
    _refused("DELETE FROM audit_auditentry")


@pytest.mark.django_db(transaction=True)
def test_a_flush_outside_the_test_profile_keeps_the_audit_log(settings):
    audit_log(actor=None, action=Action.READ, target_type="x", target_id="1")
    settings.TESTING = False
    if connection.vendor == "sqlite":
        with pytest.raises(CommandError, match="couldn't be flushed"):
            call_command("flush", interactive=False, verbosity=0)
        assert all_audit_entries().count() == 1
    settings.TESTING = True
    call_command("flush", interactive=False, verbosity=0)  # the test suite's own flush still works
    assert all_audit_entries().count() == 0
