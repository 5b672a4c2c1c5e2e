from __future__ import annotations

from django.db.models import QuerySet

from audit.models import AuditEntry


def entries_for_target(*, target_type: str, target_id: str) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(target_type=target_type, target_id=target_id).order_by("-at")


def entries_for_organisation(*, organisation_id: int) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(organisation_id=organisation_id).order_by("-at")
