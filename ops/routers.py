"""Read-replica routing for reports (docs/deployment.md, "Scaling out").

With ``DATABASE_REPLICA_URL`` set, reads go to the ``replica`` database inside
``with reading_from_replica():`` (report pages, exports: code that can live with a replica a few seconds
behind) and for the apps listed in ``HAVEN_REPLICA_APPS``. Everything else, every write and every migration
goes to ``default``. Without a replica the router sends everything to ``default``.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.db import models

REPLICA = "replica"
_on_replica: contextvars.ContextVar[bool] = contextvars.ContextVar("haven_on_replica", default=False)


@contextmanager
def reading_from_replica() -> Iterator[None]:
    """Reads in this block may come from the replica (when one is configured)."""
    token = _on_replica.set(True)
    try:
        yield
    finally:
        _on_replica.reset(token)


def _replica_configured() -> bool:
    return REPLICA in settings.DATABASES


class ReplicaRouter:
    def db_for_read(self, model: type[models.Model], **hints: Any) -> str | None:
        if not _replica_configured():
            return None
        if _on_replica.get() or model._meta.app_label in settings.HAVEN_REPLICA_APPS:
            return REPLICA
        return None

    def db_for_write(self, model: type[models.Model], **hints: Any) -> str | None:
        return "default"

    def allow_relation(self, obj1: models.Model, obj2: models.Model, **hints: Any) -> bool | None:
        return True  # the replica is a copy of the primary: rows from either may meet

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints: Any) -> bool | None:
        return db == "default"
