"""Funder reports: counts without names, for one calendar year by quarter, per region and organisation.

Every table is counted in the database (``GROUP BY``; no case is decrypted or even loaded) and then suppressed
with ``lib.suppression``: every entry from 1 to 4 is hidden, and more entries are hidden until none of them can
be worked out from the published ones, totals included.

Why the report's shape is fixed (one calendar year, by quarter; the region as a dimension, not a filter):
a report that could be asked for any range of days, or for a region as a separate query, would let someone
subtract two reports from each other (January to March minus February to March gives January; all regions
minus every region but one gives that one). So each table is counted once as *category x region x quarter*
and suppressed as a whole; choosing a region shows one slice of the same suppressed table, and the year total
is the table's own margin. What remains possible, and is said in docs/performance.md and the report's notes:
comparing the same report on two different days, after a case was added.

Tables:
- new cases (by the day of first contact) by sub-branch, by contact route, by profile, and by region;
- closed cases by outcome (by the day of closure);
- needs per life domain and their progress: the cases assessed in the year with a need in the domain, by
  whether the need improved, stayed the same or got worse between the year's first and last assessment;
- outreach (from ``outreach.selectors``): people reached per region or online place, tallies per item handed
  out, tallies per life domain asked about.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import Count
from django.db.models.functions import ExtractQuarter
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from cases.models import Case, CaseStatus, ContactRoute, Need, NeedStatus, Outcome, Profile, SubBranch
from core.i18n import pick
from core.scopes import scope
from lib.suppression import TOTAL, SuppressedTable, suppress
from outreach import selectors as outreach_selectors
from outreach.models import Item, Platform
from vocabulary.selectors import domain_list, region_list

THRESHOLD = 5
QUARTERS: tuple[str, ...] = ("Q1", "Q2", "Q3", "Q4")
NONE = ""  # "not recorded": a sub-branch, profile or region left empty

IMPROVED, UNCHANGED, WORSENED, ONCE = "improved", "unchanged", "worsened", "assessed-once"
PROGRESS: tuple[tuple[str, Promise], ...] = (
    (IMPROVED, _("Improved")),
    (UNCHANGED, _("Unchanged")),
    (WORSENED, _("Got worse")),
    (ONCE, _("Assessed once")),
)
YEAR_TOTAL = _("Year")
NOT_RECORDED = _("Not recorded")


@dataclass(frozen=True)
class Row:
    label: str
    cells: list[int | None]  # one per column; None: hidden
    total: int | None


@dataclass
class Table:
    """One suppressed table, shown for one region (or all): rows x columns, with totals."""

    slug: str
    title: Promise
    explanation: Promise
    rows: Sequence[tuple[Hashable, str]]  # (key, label)
    columns: Sequence[tuple[Hashable, str]]
    suppressed: SuppressedTable
    region: Hashable = TOTAL  # the slice shown; TOTAL is every region
    layout: str = "regions"  # "regions": (row, region, column); "flat": (row, column); "by-region": rows are regions
    only: frozenset[Hashable] | None = None  # rows shown (all if None); the table and its totals stay whole

    def _key(self, row: Hashable, column: Hashable) -> tuple[Hashable, ...]:
        if self.layout == "flat":
            return (row, column)
        if self.layout == "by-region":
            return (TOTAL, row, column)
        return (row, self.region, column)

    def get(self, row: Hashable, column: Hashable) -> int | None:
        return self.suppressed.get(self._key(row, column))

    def view(self) -> list[Row]:
        return [
            Row(label, [self.get(key, column) for column, _label in self.columns], self.get(key, TOTAL))
            for key, label in self.rows
            if self.only is None or key in self.only
        ]

    def totals(self) -> Row:
        return Row(
            str(_("Total")),
            [self.get(TOTAL, column) for column, _label in self.columns],
            self.get(TOTAL, TOTAL),
        )

    @property
    def column_labels(self) -> list[str]:
        return [label for _key, label in self.columns]

    def published(self) -> list[tuple[Hashable, Hashable, Hashable, int | None]]:
        """Every published entry of the whole table (every region): (row, region, column, value)."""
        found = []
        entries = self.suppressed.keys()  # a SuppressedTable, not a dict
        for key in entries:
            row, region, column = key if len(key) == 3 else (key[0], TOTAL, key[1])
            found.append((row, region, column, self.suppressed.get(key)))
        return found


@dataclass
class Report:
    year: int
    organisations: list[Organisation]
    region: str | None
    regions: list[tuple[str, str]]  # (slug, name) of the regions the tables hold
    cases: list[Table] = field(default_factory=list)
    outreach: list[Table] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        return [*self.cases, *self.outreach]


def _quarter(value: int) -> str:
    return QUARTERS[value - 1]


def _labels(choices: Iterable[tuple[str, object]], *, none: bool = True) -> list[tuple[Hashable, str]]:
    rows: list[tuple[Hashable, str]] = [(value, str(label)) for value, label in choices]
    if none:
        rows.append((NONE, str(NOT_RECORDED)))
    return rows


def _table(
    slug: str,
    title: Promise,
    explanation: Promise,
    counts: Counter[tuple[Hashable, ...]],
    rows: Sequence[tuple[Hashable, str]],
    columns: Sequence[tuple[Hashable, str]],
    regions: Sequence[Hashable] | None,
) -> Table:
    row_keys = [key for key, _label in rows]
    column_keys = [key for key, _label in columns]
    if regions is None:
        axes: list[Sequence[Hashable]] = [row_keys, column_keys]
    else:
        axes = [row_keys, regions, column_keys]
    suppressed = suppress(dict(counts), threshold=THRESHOLD, axes=axes)
    return Table(slug, title, explanation, rows, columns, suppressed, layout="flat" if regions is None else "regions")


def _case_counts(
    organisations: Sequence[Organisation], year: int
) -> tuple[Counter[tuple[Hashable, ...]], Counter[tuple[Hashable, ...]], Counter[tuple[Hashable, ...]], Counter]:
    """Four counters keyed (category, region slug, quarter): new cases by sub-branch, by route, by profile,
    and closed cases by outcome."""
    sub_branch: Counter[tuple[Hashable, ...]] = Counter()
    route: Counter[tuple[Hashable, ...]] = Counter()
    profile: Counter[tuple[Hashable, ...]] = Counter()
    outcome: Counter[tuple[Hashable, ...]] = Counter()
    for organisation in organisations:
        with scope(organisation=organisation):
            opened = (
                Case.objects.filter(opened_on__year=year)
                .order_by()
                .values("client__sub_branch", "client__contact_route", "profile__slug", "client__region__slug")
                .annotate(quarter=ExtractQuarter("opened_on"), n=Count("id"))
            )
            for row in opened:
                region, quarter, n = row["client__region__slug"] or NONE, _quarter(row["quarter"]), row["n"]
                sub_branch[(row["client__sub_branch"] or NONE, region, quarter)] += n
                route[(row["client__contact_route"] or NONE, region, quarter)] += n
                profile[(row["profile__slug"] or NONE, region, quarter)] += n
            closed = (
                Case.objects.filter(status=CaseStatus.CLOSED, closed_on__year=year)
                .order_by()
                .values("outcome", "client__region__slug")
                .annotate(quarter=ExtractQuarter("closed_on"), n=Count("id"))
            )
            for row in closed:
                key = (row["outcome"] or NONE, row["client__region__slug"] or NONE, _quarter(row["quarter"]))
                outcome[key] += row["n"]
    return sub_branch, route, profile, outcome


def _progress_counts(organisations: Sequence[Organisation], year: int) -> Counter[tuple[Hashable, ...]]:
    """(domain slug, region slug, progress) -> cases. Per case and domain: the status at the year's first and
    last assessment that rated the domain; a need is a status below "no need"."""
    counts: Counter[tuple[Hashable, ...]] = Counter()
    for organisation in organisations:
        with scope(organisation=organisation):
            needs = (
                Need.objects.filter(assessment__assessed_on__year=year)
                .order_by("assessment__case_id", "domain_id", "assessment__assessed_on", "assessment_id")
                .values_list("assessment__case_id", "domain__slug", "status", "assessment__case__client__region__slug")
            )
            series: dict[tuple[int, str], list[int]] = defaultdict(list)
            region_of: dict[int, str] = {}
            for case_id, domain, status, region in needs:  # a plain fetch: a server-side cursor costs more here
                series[(case_id, domain)].append(status)
                region_of[case_id] = region or NONE
        for (case_id, domain), statuses in series.items():
            first, last = statuses[0], statuses[-1]
            if first == NeedStatus.NONE and last == NeedStatus.NONE:
                continue
            if len(statuses) == 1:
                progress = ONCE
            elif last > first:
                progress = IMPROVED
            elif last < first:
                progress = WORSENED
            else:
                progress = UNCHANGED
            counts[(domain, region_of[case_id], progress)] += 1
    return counts


def _profiles(organisations: Sequence[Organisation]) -> list[tuple[Hashable, str]]:
    found: dict[str, str] = {}
    for organisation in organisations:
        with scope(organisation=organisation):
            for profile in Profile.objects.all():
                found.setdefault(profile.slug, pick(profile.name).text or profile.slug)
    return [*found.items(), (NONE, str(NOT_RECORDED))]


def _outreach_tables(
    organisations: Sequence[Organisation], year: int, region: str | None, region_names: dict[str, str]
) -> list[Table]:
    summary = outreach_selectors.summary(
        organisations,
        start=datetime.date(year, 1, 1),
        end=datetime.date(year + 1, 1, 1),
        grain="quarter",
    )
    columns = [(q, q) for q in QUARTERS]

    def by_quarter(counter: Counter[tuple[str, str]]) -> Counter[tuple[Hashable, ...]]:
        return Counter({(key, period.split("-")[1]): n for (period, key), n in counter.items()})

    regions_seen = sorted({key.split(":", 1)[1] for (_p, key) in summary.contacts if key.startswith("region:")})
    places: list[tuple[Hashable, str]] = [(f"region:{slug}", region_names.get(slug, slug)) for slug in regions_seen]
    places += [(f"online:{value}", f"{_('Online')}: {label}") for value, label in Platform.choices]
    if region and f"region:{region}" not in dict(places):
        places.insert(0, (f"region:{region}", region_names.get(region, region)))
    contacts = by_quarter(summary.contacts)
    places_table = _table(
        "outreach-people",
        _("Outreach: people reached"),
        _("The people fieldworkers counted, per region in the field and per kind of online place."),
        contacts,
        places,
        columns,
        None,
    )
    if region:
        places_table.only = frozenset({f"region:{region}"})
    domains = [(d.slug, str(d)) for d in domain_list()]
    return [
        places_table,
        _table(
            "outreach-items",
            _("Outreach: what was handed out"),
            _("The number of tallies in which each item was handed out."),
            by_quarter(summary.items),
            _labels(Item.choices, none=False),
            columns,
            None,
        ),
        _table(
            "outreach-topics",
            _("Outreach: what people asked about"),
            _("The number of tallies in which people asked about each life domain."),
            by_quarter(summary.topics),
            domains,
            columns,
            None,
        ),
    ]


def funder_report(organisations: Sequence[Organisation], *, year: int, region: str | None = None) -> Report:
    """The report of one calendar year for the given organisations (each read in its own scope)."""
    organisations = list(organisations)
    sub_branch, route, profile, outcome = _case_counts(organisations, year)
    progress = _progress_counts(organisations, year)
    region_names = {r.slug: str(r) for r in region_list()}
    used: set[str] = {str(key[1]) for counter in (sub_branch, route, profile, outcome, progress) for key in counter}
    if region:
        used.add(region)
    region_axis = [*sorted(used - {NONE}), NONE]
    regions: list[tuple[str, str]] = [
        (slug, region_names.get(slug, slug) if slug else str(NOT_RECORDED)) for slug in region_axis
    ]
    columns = [(q, q) for q in QUARTERS]
    tables = [
        _table(
            "sub-branch",
            _("New cases by sub-branch"),
            _("Cases opened in the year, by the day of first contact."),
            sub_branch,
            _labels(SubBranch.choices),
            columns,
            region_axis,
        ),
        _table(
            "contact-route",
            _("New cases by how contact was made"),
            _("Cases opened in the year, by the day of first contact."),
            route,
            _labels(ContactRoute.choices),
            columns,
            region_axis,
        ),
        _table(
            "profile",
            _("New cases by profile"),
            _("Profiles are defined by each organisation."),
            profile,
            _profiles(organisations),
            columns,
            region_axis,
        ),
        _table(
            "outcome",
            _("Closed cases by outcome"),
            _("Cases closed in the year, by the day of closure."),
            outcome,
            _labels(Outcome.choices),
            columns,
            region_axis,
        ),
        _table(
            "needs",
            _("Needs per life domain and their progress"),
            _(
                "Cases assessed in the year with a need in the domain, by the change between the year's first and "
                "last assessment."
            ),
            progress,
            [(d.slug, str(d)) for d in domain_list()],
            [(key, str(label)) for key, label in PROGRESS],
            region_axis,
        ),
    ]
    # New cases by region: the region margins of the sub-branch table (the same suppressed figures).
    by_region = Table(
        "region",
        _("New cases by region"),
        _("Cases opened in the year, by the client's region."),
        list(regions),
        columns,
        tables[0].suppressed,
        layout="by-region",
    )
    tables.insert(1, by_region)
    shown_region: Hashable = TOTAL
    if region:
        shown_region = region
        for table in tables:
            if table.slug != "region":
                table.region = shown_region
        by_region.only = frozenset({region})
    return Report(
        year=year,
        organisations=organisations,
        region=region,
        regions=regions,
        cases=tables,
        outreach=_outreach_tables(organisations, year, region, region_names),
    )
