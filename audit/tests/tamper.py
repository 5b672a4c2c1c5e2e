"""What an attacker with full control of the database can do: switch the triggers off and write."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

SQLITE_TRIGGERS = ["audit_entry_no_update", "audit_entry_no_delete"]


@contextmanager
def triggers_off() -> Iterator[None]:
    """On PostgreSQL the triggers come back afterwards; on SQLite they are gone until the test's rollback."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER USER")
            try:
                yield
            finally:
                cursor.execute("ALTER TABLE audit_auditentry ENABLE TRIGGER USER")
        else:
            for name in SQLITE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            yield


def without_triggers(*statements: tuple[str, list[object]]) -> None:
    with triggers_off(), connection.cursor() as cursor:
        for sql, params in statements:
            cursor.execute(sql, params)
