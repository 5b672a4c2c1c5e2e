"""Raw SQL in migrations that differs between PostgreSQL and SQLite, in one place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import migrations


def vendor_sql(
    *, postgres: Sequence[str], postgres_reverse: Sequence[str], sqlite: Sequence[str], sqlite_reverse: Sequence[str]
) -> migrations.RunPython:
    """A migration operation that runs the statements written for the database in use."""

    def run(statements: dict[str, Sequence[str]]) -> Any:
        def apply(apps: Any, schema_editor: Any) -> None:
            vendor = "postgresql" if schema_editor.connection.vendor == "postgresql" else "sqlite"
            for statement in statements[vendor]:
                schema_editor.execute(statement)

        return apply

    return migrations.RunPython(
        run({"postgresql": postgres, "sqlite": sqlite}), run({"postgresql": postgres_reverse, "sqlite": sqlite_reverse})
    )
