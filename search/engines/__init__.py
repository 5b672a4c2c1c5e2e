"""One search interface, two engines: PostgreSQL full-text search and SQLite FTS5."""

from __future__ import annotations

from django.db import connection

from search.engines.base import Engine


def engine() -> Engine:
    if connection.vendor == "postgresql":
        from search.engines.postgres import PostgresEngine

        return PostgresEngine()
    from search.engines.sqlite import SqliteEngine

    return SqliteEngine()
