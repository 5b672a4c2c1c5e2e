"""The one way past the SQLite triggers that forbid deleting audit rows: the test suite's flush.

On SQLite the triggers that refuse ``DELETE`` on the audit tables ask ``haven_audit_unlocked()``, a function
that Haven registers on each of its own connections. It answers yes only inside :func:`audit_unlocked`,
which refuses to open unless ``HAVEN_ENV=test``; the only caller is Haven's ``flush`` command (the test
suite empties the database between transactional tests with it). Any other program that opens the file
(the ``sqlite3`` shell, a script) has no such function, so its deletes fail too. Someone who can rewrite
the file can still drop the triggers: what catches them is the keyed chain and its checkpoints.

PostgreSQL needs none of this: the test suite empties tables with ``TRUNCATE``, which the application's
role is not granted (see ``audit.roles``), and row triggers refuse ``UPDATE`` and ``DELETE``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

_unlocked: ContextVar[bool] = ContextVar("haven_audit_unlocked", default=False)


def _is_unlocked() -> int:
    return 1 if _unlocked.get() else 0


def register_sqlite_function(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("haven_audit_unlocked", 0, _is_unlocked)


@contextmanager
def audit_unlocked() -> Iterator[None]:
    if not settings.TESTING:
        raise ImproperlyConfigured("Audit rows can only be emptied by the test suite (HAVEN_ENV=test).")
    token = _unlocked.set(True)
    try:
        yield
    finally:
        _unlocked.reset(token)
