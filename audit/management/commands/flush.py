"""Django's ``flush``, which under ``HAVEN_ENV=test`` may also empty the audit tables (see audit.maintenance).

Elsewhere the audit triggers stay in force, so flushing a SQLite database with audit entries fails.
"""

from typing import Any

from django.conf import settings
from django.core.management.commands.flush import Command as DjangoFlush

from audit.maintenance import audit_unlocked


class Command(DjangoFlush):
    def handle(self, **options: Any) -> None:
        if settings.TESTING:
            with audit_unlocked():
                return super().handle(**options)
        return super().handle(**options)
