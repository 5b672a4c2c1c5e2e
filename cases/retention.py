"""Closed cases are kept for the organisation's retention period, then purged; a purge record keeps only counts.

Run daily by ``manage.py purge_expired`` (``core.retention``), inside the "all organisations" scope it opens;
each organisation's cases are purged inside that organisation's own scope.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from audit.services import Action, audit_log
from cases.models import Case, CaseSettings, CaseStatus, IncomingReferral, PurgeRecord, ReferralStatus
from cases.services import _add_months, _delete_case
from core.scopes import scope


def _months_before(day: date, months: int) -> date:
    back = _add_months(day, -months) if months else day
    return back


def purge_for(*, organisation_id: int, on: date | None = None) -> int:
    """Purge this organisation's cases closed longer ago than its retention period. Returns how many."""
    on = on or timezone.localdate()
    with scope(organisation=organisation_id), transaction.atomic():
        settings = CaseSettings.objects.filter(organisation_id=organisation_id).first()
        months = settings.retention_months if settings else CaseSettings._meta.get_field("retention_months").default
        cutoff = _months_before(on, months)
        expired = list(Case.objects.filter(status=CaseStatus.CLOSED, closed_on__lt=cutoff).select_related("client"))
        totals: dict[str, int] = {}
        for case in expired:
            client = case.client
            for label, count in _delete_case(case).items():
                totals[label] = totals.get(label, 0) + count
            if not Case.objects.filter(client=client).exists():
                client.delete()
                totals["clients"] = totals.get("clients", 0) + 1
        answered = IncomingReferral.objects.exclude(status=ReferralStatus.SENT).filter(answered_on__lt=cutoff)
        incoming = answered.count()
        answered.delete()
        if incoming:
            totals["incoming_referrals"] = incoming
        if expired or incoming:
            record = PurgeRecord.objects.create(
                organisation_id=organisation_id, purged_on=on, cases=len(expired), counts=totals
            )
            audit_log(actor=None, action=Action.DELETE, target=record, organisation_id=organisation_id)
    return len(expired)


def purge_closed_cases() -> int:
    """Every organisation's expired cases (called inside ``all_organisations`` by ``core.retention``)."""
    organisation_ids = set(CaseSettings.objects.values_list("organisation_id", flat=True))
    organisation_ids |= set(Case.objects.filter(status=CaseStatus.CLOSED).values_list("organisation_id", flat=True))
    organisation_ids |= set(IncomingReferral.objects.values_list("organisation_id", flat=True))
    total = 0
    for organisation_id in sorted(organisation_ids):
        total += purge_for(organisation_id=organisation_id)
    return total
