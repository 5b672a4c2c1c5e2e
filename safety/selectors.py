"""Reads of the safety module. Other apps (My plan) read current warnings through here."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import Organisation
from core.scopes import scope
from safety import keys
from safety.models import (
    Alert,
    AlertIdentifier,
    Author,
    Desk,
    IdentifierCount,
    Message,
    Photo,
    ReplyCode,
    Report,
    ReportIdentifier,
)


def open_desks(*, country: str = "") -> list[Desk]:
    """Organisations that receive reports (in a country, if given), by name."""
    desks = Desk.objects.select_related("organisation").filter(is_open=True, organisation__is_active=True)
    if country:
        desks = desks.filter(country=country.upper())
    return list(desks)


def desk_of(organisation: Organisation) -> Desk | None:
    return Desk.objects.filter(organisation=organisation).first()


def report_by_code(code: str) -> Report | None:
    """The report a reply code opens, or None. The lookup is by keyed hash: its time says nothing of the code."""
    if not keys.normalise_code(code):
        return None
    digest = keys.code_hash(code)
    found = ReplyCode.objects.filter(code_hash=digest).values_list("code_hash", "report_id", "organisation_id").first()
    if found is None or not keys.same(found[0], digest):
        return None
    with scope(organisation=found[2]):
        return Report.objects.filter(pk=found[1]).first()


def conversation(report: Report, *, for_staff: bool) -> list[Message]:
    with scope(organisation=report.organisation_id):
        messages = Message.objects.filter(report=report).select_related("staff")
        if not for_staff:
            messages = messages.exclude(author=Author.NOTE)
        return list(messages)


def photos_of(report: Report) -> list[Photo]:
    with scope(organisation=report.organisation_id):
        return list(Photo.objects.filter(report=report))


def photo(report: Report, pk: int) -> Photo | None:
    with scope(organisation=report.organisation_id):
        return Photo.objects.filter(report=report, pk=pk).first()


def has_match(report: Report) -> bool:
    """Whether another report, at any organisation, names one of this report's identifiers. Nothing more."""
    with scope(organisation=report.organisation_id):
        digests = list(ReportIdentifier.objects.filter(report=report).values_list("digest", flat=True))
    return bool(digests) and IdentifierCount.objects.filter(digest__in=digests, reports__gte=2).exists()


def reports_for(organisation: Organisation, *, status: str = "") -> QuerySet[Report]:
    """The organisation's reports (call inside its scope, as the staff views do)."""
    reports = Report.objects.filter(organisation=organisation).select_related("assigned_to")
    return reports.filter(status=status) if status else reports


def report_for(organisation: Organisation, pk: int) -> Report | None:
    return Report.objects.filter(organisation=organisation, pk=pk).first()


def matched_report_ids(organisation: Organisation) -> set[int]:
    """Which of the organisation's reports have a match (call inside its scope)."""
    rows = ReportIdentifier.objects.filter(organisation=organisation).values_list("report_id", "digest")
    digests = {digest for _report, digest in rows}
    matched = set(IdentifierCount.objects.filter(digest__in=digests, reports__gte=2).values_list("digest", flat=True))
    return {report for report, digest in rows if digest in matched}


def current_alerts(*, country: str = "", region: str = "", today: date | None = None) -> QuerySet[Alert]:
    """Warnings still shown: not withdrawn, not expired; newest first."""
    today = today or timezone.localdate()
    alerts = Alert.objects.filter(withdrawn=False, expires_on__gte=today)
    if country:
        alerts = alerts.filter(country=country.upper())
    if region:
        alerts = alerts.filter(region=region)
    return alerts


def alerts_of(organisation: Organisation) -> QuerySet[Alert]:
    return Alert.objects.filter(organisation=organisation)


def alert_of(organisation: Organisation, pk: int) -> Alert | None:
    return Alert.objects.filter(organisation=organisation, pk=pk).first()


def alerts_for_plan(*, limit: int = 5) -> list[Alert]:
    """The newest warnings still shown, for a private space's safety page."""
    return list(current_alerts()[:limit])


def alerts_naming(*, phone: str = "", plate: str = "", handle: str = "", region: str = "BE") -> list[Alert]:
    """Current warnings that mention this phone number, plate or online name (compared by keyed hash)."""
    digests = keys.identifier_hashes(phone=phone, plate=plate, handle=handle, region=region)
    if not digests:
        return []
    ids = AlertIdentifier.objects.filter(digest__in=digests).values_list("alert_id", flat=True)
    return list(current_alerts().filter(pk__in=list(ids)))


@dataclass(frozen=True)
class StatisticsRow:
    kind: str
    region: str
    month: date
    count: int


def report_counts(organisation: Organisation) -> dict[tuple[Hashable, ...], int]:
    """Reports of an organisation per (kind, region, month "YYYY-MM"): the raw cells, before suppression."""
    with scope(organisation=organisation):
        rows = Report.objects.filter(organisation=organisation).values_list("kind", "region", "month")
        return dict(Counter((kind, region, month.strftime("%Y-%m")) for kind, region, month in rows))
