from __future__ import annotations

from django.db.models import QuerySet

from audit.models import AuditEntry
from core.scopes import scope


def entries_for_target(*, target_type: str, target_id: str) -> QuerySet[AuditEntry]:
    """Entries about one record, within the open scope (``core.scopes``)."""
    return AuditEntry.objects.filter(target_type=target_type, target_id=target_id).order_by("-at")


def entries_for_organisation(*, organisation_id: int) -> QuerySet[AuditEntry]:
    with scope(organisation=organisation_id):
        return AuditEntry.objects.order_by("-at")
