from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from audit.models import AuditEntry
from core.scopes import scope


def entries_for_target(*, target_type: str, target_id: str) -> QuerySet[AuditEntry]:
    """Entries about one record, within the open scope (``core.scopes``)."""
    return AuditEntry.objects.filter(target_type=target_type, target_id=target_id).order_by("-at")


def entries_for_organisation(*, organisation_id: int) -> QuerySet[AuditEntry]:
    with scope(organisation=organisation_id):
        return AuditEntry.objects.order_by("-at")


@dataclass(frozen=True)
class EntryFilter:
    actor_id: int | None = None
    action: str = ""
    since: date | None = None
    until: date | None = None
    record: str = ""  # "<type>", "<id>" or "<type>:<id>", e.g. "accounts.membership:12"


def organisation_log(*, organisation_id: int, filters: EntryFilter) -> QuerySet[AuditEntry]:
    """The organisation's chain, newest first, narrowed by the filters (dates are local days, inclusive)."""
    with scope(organisation=organisation_id):
        entries = AuditEntry.objects.filter(chain=f"org:{organisation_id}")
    if filters.actor_id is not None:
        entries = entries.filter(actor_id=filters.actor_id)
    if filters.action:
        entries = entries.filter(action=filters.action)
    if filters.since:
        entries = entries.filter(at__date__gte=filters.since)
    if filters.until:
        entries = entries.filter(at__date__lte=filters.until)
    record = filters.record.strip()
    if record:
        target_type, sep, target_id = record.rpartition(":")
        if sep and target_type:
            entries = entries.filter(target_type=target_type, target_id=target_id)
        elif record.isdigit():
            entries = entries.filter(target_id=record)
        else:
            entries = entries.filter(target_type__startswith=record)
    return entries.order_by("-seq")


def actor_ids_in_log(*, organisation_id: int) -> set[int]:
    """The numbers of everyone who appears in the organisation's chain."""
    with scope(organisation=organisation_id):
        rows = AuditEntry.objects.filter(chain=f"org:{organisation_id}", actor_id__isnull=False)
        return {actor_id for actor_id in rows.values_list("actor_id", flat=True).distinct() if actor_id is not None}
