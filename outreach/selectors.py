"""Reads of outreach tallies: one organisation's list, and the sums the funder reports show."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet, Sum

from accounts.models import Organisation
from core.scopes import scope
from outreach.models import Tally


def tallies_of(
    organisation: Organisation, *, start: datetime.date | None = None, end: datetime.date | None = None
) -> QuerySet[Tally]:
    """The organisation's tallies, newest first; ``end`` is exclusive."""
    with scope(organisation=organisation):
        tallies = Tally.objects.select_related("region", "city").prefetch_related("topics")
        if start:
            tallies = tallies.filter(date__gte=start)
        if end:
            tallies = tallies.filter(date__lt=end)
        return tallies


def tally_of(organisation: Organisation, pk: int) -> Tally | None:
    with scope(organisation=organisation):
        return Tally.objects.select_related("region", "city").filter(pk=pk).first()


@dataclass
class Totals:
    tallies: int = 0
    contacts: int = 0
    offline: int = 0  # contacts
    online: int = 0  # contacts


def totals(tallies: QuerySet[Tally]) -> Totals:
    found = Totals()
    for row in tallies.order_by().values("setting").annotate(n=Count("pk"), people=Sum("contacts")):
        found.tallies += row["n"]
        found.contacts += row["people"] or 0
        setattr(found, row["setting"], row["people"] or 0)
    return found


@dataclass
class Summary:
    """People reached per (period, where), tallies per item handed out, and tallies per topic asked about."""

    contacts: Counter[tuple[str, str]] = field(default_factory=Counter)  # (period, place key) -> people
    items: Counter[tuple[str, str]] = field(default_factory=Counter)  # (period, item) -> tallies
    topics: Counter[tuple[str, str]] = field(default_factory=Counter)  # (period, domain slug) -> tallies


def _period(day: datetime.date, grain: str) -> str:
    if grain == "year":
        return str(day.year)
    if grain == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}-{day.month:02d}"


def summary(
    organisations: Iterable[Organisation], *, start: datetime.date, end: datetime.date, grain: str = "quarter"
) -> Summary:
    """Sums across the given organisations (each read inside its own scope); ``end`` is exclusive.
    Places are ``region:<slug>`` for fieldwork and ``online:<platform>`` for online work."""
    found = Summary()
    for organisation in organisations:
        with scope(organisation=organisation):
            tallies = Tally.objects.filter(date__gte=start, date__lt=end).order_by()
            for row in tallies.values("date", "setting", "region__slug", "platform", "contacts", "handed_out"):
                period = _period(row["date"], grain)
                place = f"online:{row['platform']}" if row["setting"] == "online" else f"region:{row['region__slug']}"
                found.contacts[(period, place)] += row["contacts"]
                for item in row["handed_out"] or []:
                    found.items[(period, item)] += 1
            for day, topic in tallies.values_list("date", "topics__slug"):
                if topic:
                    found.topics[(_period(day, grain), topic)] += 1
    return found
