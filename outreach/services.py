"""Writes of outreach tallies: keyword-only, validated, in one transaction, in the audit log."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from audit.services import Action, audit_log
from core.scopes import scope
from outreach.models import Item, Setting, Tally
from vocabulary.models import City, Domain, Region

EARLIEST = datetime.date(2000, 1, 1)


def _check(tally: Tally) -> None:
    errors: dict[str, str] = {}
    if tally.date > timezone.localdate():
        errors["date"] = _("The day cannot be in the future.")
    elif tally.date < EARLIEST:
        errors["date"] = _("The day is too long ago.")
    if tally.setting == Setting.OFFLINE:
        tally.platform = ""
        if tally.region_id is None:
            errors["region"] = _("Choose the region where you worked.")
        elif tally.city is not None and tally.city.region_id != tally.region_id:
            errors["city"] = _("This city is not in the region you chose.")
    else:
        tally.region = None
        tally.city = None
        if not tally.platform:
            errors["platform"] = _("Choose the kind of online place.")
    unknown = set(tally.handed_out) - set(Item.values)
    if unknown:
        errors["handed_out"] = _("Choose only from the list.")
    if errors:
        raise ValidationError(errors)


def _fill(
    tally: Tally,
    *,
    date: datetime.date,
    setting: str,
    contacts: int,
    region: Region | None = None,
    city: City | None = None,
    platform: str = "",
    handed_out: Iterable[str] = (),
) -> None:
    tally.date = date
    tally.setting = setting
    tally.contacts = contacts
    tally.region = region
    tally.city = city
    tally.platform = platform
    tally.handed_out = sorted(
        set(handed_out), key=lambda value: Item.values.index(value) if value in Item.values else 99
    )


def tally_create(
    *, organisation: Organisation, actor: User | None, topics: Iterable[Domain] = (), **values: Any
) -> Tally:
    tally = Tally(organisation=organisation)
    _fill(tally, **values)
    with scope(organisation=organisation), transaction.atomic():
        _check(tally)
        tally.full_clean(exclude=["topics"])
        tally.save()
        tally.topics.set(list(topics))
        audit_log(actor=actor, action=Action.CREATE, target=tally, organisation_id=organisation.pk)
    return tally


def tally_update(*, tally: Tally, actor: User | None, topics: Iterable[Domain] = (), **values: Any) -> Tally:
    _fill(tally, **values)
    with scope(organisation=tally.organisation_id), transaction.atomic():
        _check(tally)
        tally.full_clean(exclude=["topics"])
        tally.save()
        tally.topics.set(list(topics))
        audit_log(actor=actor, action=Action.UPDATE, target=tally, organisation_id=tally.organisation_id)
    return tally


def tally_delete(*, tally: Tally, actor: User | None) -> None:
    with scope(organisation=tally.organisation_id), transaction.atomic():
        audit_log(actor=actor, action=Action.DELETE, target=tally, organisation_id=tally.organisation_id)
        tally.delete()
