"""PostgreSQL: the application's role can read and append to the audit log, and nothing more."""

import secrets

import pytest
from django.db import DatabaseError, connection, transaction

from accounts.testing import all_audit_entries
from audit.roles import app_role_grants
from audit.services import Action, audit_log


@pytest.fixture
def app_role():
    role = f"haven_app_test_{secrets.token_hex(4)}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {role} NOLOGIN")
        for statement in app_role_grants(role):
            cursor.execute(statement)
    try:
        yield role
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET ROLE")
            cursor.execute(f"DROP OWNED BY {role}")
            cursor.execute(f"DROP ROLE {role}")


def _denied(sql: str) -> str:
    with pytest.raises(DatabaseError) as error, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    return str(error.value)


@pytest.mark.django_db
@pytest.mark.postgres
def test_the_app_role_cannot_update_delete_or_switch_off_the_audit_log(app_role):
    audit_log(actor=None, action=Action.READ, target_type="x", target_id="1")
    with connection.cursor() as cursor:
        cursor.execute(f"SET ROLE {app_role}")
    entry = audit_log(actor=None, action=Action.READ, target_type="x", target_id="2")  # it can append
    assert all_audit_entries().filter(chain="platform").count() == 2  # and read
    for sql in [
        "UPDATE audit_auditentry SET action = 'delete'",
        "DELETE FROM audit_auditentry",
        "TRUNCATE audit_auditentry",
    ]:
        assert "permission denied" in _denied(sql), sql
    for sql in [
        "ALTER TABLE audit_auditentry DISABLE TRIGGER USER",
        "ALTER TABLE audit_auditentry DISABLE TRIGGER ALL",
        "DROP TRIGGER audit_entry_no_change ON audit_auditentry",
        "DROP FUNCTION audit_entry_refuse_change() CASCADE",
        "ALTER TABLE audit_auditentry OWNER TO CURRENT_USER",
    ]:
        assert "must be owner" in _denied(sql), sql
    assert all_audit_entries().get(pk=entry.pk).action == Action.READ


@pytest.mark.postgres
def test_role_names_are_checked_before_they_reach_sql():
    with pytest.raises(ValueError):
        app_role_grants("haven; DROP TABLE x")
