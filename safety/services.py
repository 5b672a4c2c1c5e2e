"""Writes of the safety module: reports and their conversation, triage, alerts, and the match counts."""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from audit.services import Action, audit_log
from core.scopes import scope
from lib.uploads import CleanUpload
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
    Status,
)

MAX_MESSAGE = 5000


class NoReceiver(ValidationError):
    pass


@dataclass(frozen=True)
class Submitted:
    report: Report
    code: str


def desk_pick(*, country: str, region: str) -> Organisation:
    """'Any organisation in my region': one of the open desks that cover it, else one for the whole country."""
    desks = [desk for desk in Desk.objects.select_related("organisation") if desk.organisation.is_active]
    covering = [d for d in desks if d.covers(country=country, region=region)]
    if not covering:
        covering = [d for d in desks if d.is_open and d.country == country.upper()]
    if not covering:
        raise NoReceiver(_("No organisation receives reports for this region yet. Choose one from the list."))
    return secrets.choice(covering).organisation


def _count_identifiers(digests: list[str], delta: int) -> None:
    for digest in sorted(set(digests)):
        if delta > 0:
            IdentifierCount.objects.get_or_create(digest=digest)
        IdentifierCount.objects.filter(digest=digest).update(reports=F("reports") + delta)
    IdentifierCount.objects.filter(reports__lte=0).delete()


@transaction.atomic
def report_submit(
    *,
    organisation: Organisation | None,
    kind: str,
    country: str,
    region: str,
    city: str = "",
    happened_on: date | None = None,
    place: str = "",
    what_happened: str,
    appearance: str = "",
    phone: str = "",
    car: str = "",
    plate: str = "",
    handle: str = "",
    contact: str = "",
    wants_warning: bool = False,
    wants_help: bool = False,
    wants_police: bool = False,
    wants_match_news: bool = False,
    consent_words: bool = False,
    photos: list[CleanUpload] | tuple[CleanUpload, ...] = (),
) -> Submitted:
    """Store an anonymous report with the receiving organisation; give back the reply code (shown once)."""
    receiver = organisation or desk_pick(country=country, region=region)
    month = (happened_on or timezone.localdate()).replace(day=1)
    code = keys.new_reply_code()
    with scope(organisation=receiver):
        report = Report(
            organisation=receiver,
            kind=kind,
            country=country.upper(),
            region=region,
            city=city,
            month=month,
            happened_on=happened_on.isoformat() if happened_on else "",
            place=place,
            what_happened=what_happened,
            appearance=appearance,
            phone=phone,
            car=car,
            handle=handle,
            contact=contact,
            wants_warning=wants_warning,
            wants_help=wants_help,
            wants_police=wants_police,
            wants_match_news=wants_match_news,
            consent_words=consent_words,
        )
        report.full_clean()
        report.save()
        for upload in photos:
            photo = Photo(
                report=report,
                organisation=receiver,
                content_type=upload.content_type,
                data=base64.b64encode(upload.data).decode(),
            )
            photo.save()
        digests = sorted(
            set(keys.identifier_hashes(phone=phone, plate=plate, handle=handle, region=country.upper() or "BE"))
        )
        for digest in digests:
            ReportIdentifier.objects.create(report=report, organisation=receiver, digest=digest)
        _count_identifiers(digests, +1)
        ReplyCode.objects.create(code_hash=keys.code_hash(code), report=report, organisation=receiver)
        audit_log(actor=None, action=Action.CREATE, target=report)
    return Submitted(report=report, code=code)


def _message(*, report: Report, author: str, body: str, staff: User | None = None) -> Message:
    body = body.strip()
    if not body:
        raise ValidationError({"body": _("Write a message first.")})
    message = Message(report=report, organisation_id=report.organisation_id, author=author, staff=staff, body=body)
    message.full_clean(exclude=["report", "organisation"])
    message.save()
    return message


@transaction.atomic
def reporter_reply(*, report: Report, body: str) -> Message:
    with scope(organisation=report.organisation_id):
        message = _message(report=report, author=Author.REPORTER, body=body)
        if report.status == Status.WAITING:
            report.status = Status.IN_PROGRESS
            report.save(update_fields=["status", "updated_at"])
        audit_log(actor=None, action=Action.CREATE, target=message)
    return message


@transaction.atomic
def staff_message_add(*, report: Report, actor: User, body: str, internal: bool) -> Message:
    """A moderator's answer to the person, or an internal note only colleagues see."""
    with scope(organisation=report.organisation_id):
        message = _message(report=report, author=Author.NOTE if internal else Author.STAFF, body=body, staff=actor)
        if not internal and report.status == Status.NEW:
            report.status = Status.IN_PROGRESS
            report.save(update_fields=["status", "updated_at"])
        audit_log(actor=actor, action=Action.CREATE, target=message)
    return message


@transaction.atomic
def report_triage(*, report: Report, actor: User, status: str, assigned_to: User | None) -> Report:
    with scope(organisation=report.organisation_id):
        report.status = status
        report.assigned_to = assigned_to
        report.full_clean(exclude=["assigned_to"])
        report.save(update_fields=["status", "assigned_to", "updated_at"])
        audit_log(actor=actor, action=Action.UPDATE, target=report)
    return report


@transaction.atomic
def report_delete(*, report: Report, actor: User | None) -> None:
    with scope(organisation=report.organisation_id):
        digests = list(ReportIdentifier.objects.filter(report=report).values_list("digest", flat=True))
        _count_identifiers(digests, -1)
        audit_log(actor=actor, action=Action.DELETE, target=report)
        report.delete()


@transaction.atomic
def alert_publish(
    *,
    organisation: Organisation,
    actor: User,
    report: Report | None,
    kind: str,
    country: str,
    region: str,
    description: dict[str, str],
    expires_on: date,
    phones: list[str] | tuple[str, ...] = (),
    plates: list[str] | tuple[str, ...] = (),
    handles: list[str] | tuple[str, ...] = (),
) -> Alert:
    """A warning in the moderator's own words (never the report's text), with the identifiers as keyed hashes."""
    if expires_on <= timezone.localdate():
        raise ValidationError({"expires_on": _("Choose a day in the future.")})
    alert = Alert(
        organisation=organisation,
        report=report,
        kind=kind,
        country=country.upper(),
        region=region,
        description=description,
        expires_on=expires_on,
    )
    alert.full_clean(exclude=["report", "organisation"])
    alert.save()
    digests: set[str] = set()
    for phone in phones:
        digests.update(keys.identifier_hashes(phone=phone, region=country.upper()))
    for plate in plates:
        digests.update(keys.identifier_hashes(plate=plate))
    for handle in handles:
        digests.update(keys.identifier_hashes(handle=handle))
    AlertIdentifier.objects.bulk_create([AlertIdentifier(alert=alert, digest=d) for d in sorted(digests)])
    audit_log(actor=actor, action=Action.CREATE, target=alert, organisation_id=organisation.pk)
    return alert


@transaction.atomic
def alert_withdraw(*, alert: Alert, actor: User) -> None:
    alert.withdrawn = True
    alert.save(update_fields=["withdrawn"])
    audit_log(actor=actor, action=Action.UPDATE, target=alert, organisation_id=alert.organisation_id)


@transaction.atomic
def desk_set(*, organisation: Organisation, actor: User, country: str, regions: list[str], is_open: bool) -> Desk:
    desk, _created = Desk.objects.get_or_create(organisation=organisation, defaults={"country": country.upper()})
    desk.country, desk.regions, desk.is_open = country.upper(), sorted(regions), is_open
    desk.full_clean()
    desk.save()
    audit_log(actor=actor, action=Action.UPDATE, target=desk, organisation_id=organisation.pk)
    return desk


def reports_forget_for_organisation(*, organisation: Organisation) -> dict[str, int]:
    """An organisation leaves: its reports stop counting towards matches (the rows go with the organisation)."""
    with scope(organisation=organisation):
        rows = list(ReportIdentifier.objects.values_list("report_id", "digest"))
    by_report: dict[int, list[str]] = {}
    for report_id, digest in rows:
        by_report.setdefault(report_id, []).append(digest)
    for digests in by_report.values():
        _count_identifiers(digests, -1)
    return {}


# --- Retention ----------------------------------------------------------------------------------------------------

CLOSED_REPORT_DAYS = 365
EXPIRED_ALERT_DAYS = 90


def reports_purge_closed() -> int:
    """Reports closed (and untouched) for a year are deleted, with their conversation and photos."""
    cutoff = timezone.now() - timedelta(days=CLOSED_REPORT_DAYS)
    old = list(Report.objects.filter(status=Status.CLOSED, updated_at__lt=cutoff))
    for report in old:
        report_delete(report=report, actor=None)
    return len(old)


def alerts_purge_expired() -> int:
    """Warnings are deleted 90 days after they stopped being shown."""
    cutoff = timezone.localdate() - timedelta(days=EXPIRED_ALERT_DAYS)
    deleted, _detail = Alert.objects.filter(expires_on__lt=cutoff).delete()
    return deleted
