"""Reads for the directory: the public list and pages, staff queues, and ``services_for`` for other apps.

Public reads never return a confidential location: ``Location.objects`` returns public ones only, and places
(service-at-location links) are filtered on ``location__confidential=False``, and schedules tied to a
confidential place are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db import connection
from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet, TextField
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone

from accounts.models import Organisation
from core.i18n import current_language, pick
from directory.models import (
    DAY_CODES,
    PUBLIC_STATUSES,
    STALE_AFTER_MONTHS,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceLanguage,
    Status,
    Suggestion,
    months_before,
)
from vocabulary import selectors as vocabulary
from vocabulary.models import Region
from vocabulary.selectors import SPECIALIST_DOMAINS

BRUSSELS = ZoneInfo("Europe/Brussels")
ROUND_THE_CLOCK = "24-7"


# --- Opening hours ----------------------------------------------------------------------------------------


def local_now(now: datetime | None = None) -> datetime:
    return timezone.localtime(now or timezone.now(), BRUSSELS)


def is_open(schedule: Schedule, moment: datetime) -> bool:
    """Whether a weekly schedule is open at ``moment`` (Europe/Brussels); closing at or before opening
    means the hours run past midnight."""
    moment = local_now(moment)
    days = schedule.days
    today = DAY_CODES[moment.weekday()]
    yesterday = DAY_CODES[(moment.weekday() - 1) % 7]
    now = moment.time()
    opens, closes = schedule.opens_at, schedule.closes_at
    if opens < closes:
        return today in days and opens <= now < closes
    return (today in days and now >= opens) or (yesterday in days and now < closes)


def open_schedules(moment: datetime | None = None) -> QuerySet[Schedule]:
    """The schedules open at this moment, as ``is_open`` says, decided in SQL (the day codes and times of the
    moment in Europe/Brussels are computed here; the database compares them with every schedule)."""
    moment = local_now(moment)
    today = DAY_CODES[moment.weekday()]
    yesterday = DAY_CODES[(moment.weekday() - 1) % 7]
    now = moment.time().replace(tzinfo=None)
    same_day = Q(opens_at__lt=F("closes_at"), byday__contains=today, opens_at__lte=now, closes_at__gt=now)
    past_midnight = Q(opens_at__gte=F("closes_at")) & (
        Q(byday__contains=today, opens_at__lte=now) | Q(byday__contains=yesterday, closes_at__gt=now)
    )
    return Schedule.objects.filter(same_day | past_midnight).exclude(service_at_location__location__confidential=True)


def open_now_ids(moment: datetime | None = None) -> set[Any]:
    """Services open at this moment, as a public schedule says. Without known hours a service is never called
    open, not even one tagged "day and night": its hours must be in a schedule (every day, 00:00 to 00:00)."""
    schedules = open_schedules(moment).filter(service__status=Status.ACTIVE)
    return set(schedules.values_list("service_id", flat=True))


def open_among(services: Iterable[Service], moment: datetime | None = None) -> set[Any]:
    """Which of these services (prefetched with ``with_card_data``) are open at this moment."""
    moment = local_now(moment)
    return {
        service.pk
        for service in services
        if service.status == Status.ACTIVE and any(is_open(s, moment) for s in service.public_schedules)  # type: ignore[attr-defined]
    }


# --- The public list ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    country: str = ""
    region: str = ""
    city: str = ""
    need: str = ""
    language: str = ""
    attributes: tuple[str, ...] = ()
    open_now: bool = False


def public_services() -> QuerySet[Service]:
    return Service.objects.filter(status__in=PUBLIC_STATUSES)


# Filters are written as ``pk IN (subquery)``: the database runs each subquery once (a hashed subplan), where an
# ``EXISTS`` joined with OR would be run again for every service.


def _covers_region(region: Region) -> Q:
    areas = ServiceArea.objects.filter(Q(region=region) | Q(country=region.country_id))
    return Q(pk__in=areas.values("service_id"))


def _in_country(code: str) -> Q:
    """Serves the country or one of its regions, or has a public place in one of its cities."""
    areas = ServiceArea.objects.filter(Q(country__code=code) | Q(region__country__code=code))
    places = _public_places().filter(location__city__region__country__code=code)
    return Q(pk__in=areas.values("service_id")) | Q(pk__in=places.values("service_id"))


def _public_places() -> QuerySet[ServiceAtLocation]:
    return ServiceAtLocation.objects.filter(location__confidential=False)


def filtered_services(filters: Filters, *, moment: datetime | None = None) -> QuerySet[Service]:
    services = public_services()
    if filters.country:
        services = services.filter(_in_country(filters.country.upper()))
    if filters.region:
        region = vocabulary.region_by_slug(filters.region)
        services = services.filter(_covers_region(region)) if region else services.none()
    if filters.city:
        city = vocabulary.city_by_slug(filters.city)
        if city is None:
            return services.none()
        # A place in the city, or no public place at all (phone, online, outreach) and serving the city's region.
        # One subquery of ids (a union), so that the database starts from the few services it names.
        in_city = _public_places().filter(location__city=city).order_by().values("service_id")
        region = city.region
        without_place = (
            ServiceArea.objects.filter(Q(region=region) | Q(country=region.country_id))
            .exclude(service__in=_public_places().values("service_id"))
            .order_by()
            .values("service_id")
        )
        services = services.filter(pk__in=in_city.union(without_place))
    if filters.need:
        services = services.filter(
            Exists(Service.domains.through.objects.filter(service=OuterRef("pk"), domain__slug=filters.need))
        )
    if filters.language:
        services = services.filter(
            Exists(ServiceLanguage.objects.filter(service=OuterRef("pk"), code=filters.language))
        )
    for attribute in filters.attributes:
        tagged = Service.attributes.through.objects.filter(service=OuterRef("pk"), attribute__slug=attribute)
        services = services.filter(Exists(tagged))
    if filters.open_now:
        services = services.filter(status=Status.ACTIVE, pk__in=open_schedules(moment).values("service_id"))
    return services


def sort_name(lang: str) -> Lower:
    """The name a list is sorted on in ``lang`` (each language has an index on it: ``Service.Meta.indexes``)."""
    return Lower(Coalesce(KT(f"name__{lang}"), KT("name__en"), F("slug"), output_field=TextField()))


def ordered_by_name(services: QuerySet[Service], lang: str) -> QuerySet[Service]:
    return services.order_by(sort_name(lang), "slug")


def with_card_data(services: QuerySet[Service]) -> QuerySet[Service]:
    """What a list card shows: organization, attributes, public places with their city, schedules."""
    return services.select_related("organization").prefetch_related(
        "attributes",
        Prefetch(
            "service_at_locations",
            queryset=_public_places().select_related("location__city"),
            to_attr="public_places",
        ),
        Prefetch("schedules", queryset=_public_schedules(), to_attr="public_schedules"),
    )


def _public_schedules() -> QuerySet[Schedule]:
    return Schedule.objects.exclude(service_at_location__location__confidential=True).select_related(
        "service_at_location__location"
    )


def languages_offered() -> list[str]:
    """The languages public services are offered in: a few dozen codes among every service's rows, found by
    skipping through the index on the code (one step per distinct code) and kept when a public service has it
    (a scalar subquery, so that it stops at the first such service instead of joining every row)."""
    statuses = ", ".join("%s" for _status in PUBLIC_STATUSES)
    sql = f"""
        WITH RECURSIVE codes(code) AS (
            SELECT min(code) FROM directory_servicelanguage
            UNION ALL
            SELECT (SELECT min(l.code) FROM directory_servicelanguage l WHERE l.code > codes.code)
            FROM codes WHERE codes.code IS NOT NULL
        )
        SELECT code FROM codes WHERE code IS NOT NULL AND (
            SELECT 1 FROM directory_servicelanguage l JOIN directory_service s ON s.id = l.service_id
            WHERE l.code = codes.code AND s.status IN ({statuses}) LIMIT 1
        ) IS NOT NULL ORDER BY code
    """  # noqa: S608 (placeholders only)
    with connection.cursor() as cursor:
        cursor.execute(sql, [str(status) for status in PUBLIC_STATUSES])
        return [row[0] for row in cursor.fetchall()]


# --- Public pages -----------------------------------------------------------------------------------------------


@dataclass
class ServicePage:
    service: Service
    places: list[ServiceAtLocation]
    schedules: list[Schedule]
    phones: list[Phone]
    has_confidential_place: bool
    is_open_now: bool
    is_free: bool
    stale: bool


def service_page(slug: str, *, moment: datetime | None = None) -> ServicePage | None:
    service = (
        public_services()
        .filter(slug=slug)
        .select_related("organization")
        .prefetch_related(
            "domains",
            "attributes",
            "languages",
            "required_documents",
            "areas__region",
            "areas__country",
            "phones",
            Prefetch("organization__phones", queryset=Phone.objects.all()),
        )
        .first()
    )
    if service is None:
        return None
    places = list(_public_places().filter(service=service).select_related("location__city__region"))
    schedules = list(_public_schedules().filter(service=service))
    moment = local_now(moment)
    attributes = {a.slug for a in service.attributes.all()}
    return ServicePage(
        service=service,
        places=places,
        schedules=schedules,
        phones=list(service.phones.all()) or list(service.organization.phones.all()),  # type: ignore[attr-defined]
        has_confidential_place=service.service_at_locations.filter(location__confidential=True).exists(),  # type: ignore[attr-defined]
        is_open_now=service.status == Status.ACTIVE and any(is_open(s, moment) for s in schedules),
        is_free="free" in attributes,
        stale=service.is_stale(),
    )


@dataclass
class OrganizationPage:
    organization: Organization
    services: list[Service]
    places: list[Any]
    stale: bool


def organization_page(slug: str) -> OrganizationPage | None:
    organization = Organization.objects.filter(slug=slug).prefetch_related("phones").first()
    if organization is None:
        return None
    services = list(ordered_by_name(public_services().filter(organization=organization), current_language()))
    places = list(organization.locations.public().select_related("city__region"))  # type: ignore[attr-defined]
    return OrganizationPage(organization, services, places, organization.is_stale())


# --- Suggestions for other apps (the personal planner, knowledge pages) -----------------------------------------


@dataclass(frozen=True)
class ServiceSuggestion:
    title: str
    summary: str
    url: str
    lang: str
    slug: str


def services_for(*, domains: list[str], region: str | None, lang: str, limit: int) -> list[ServiceSuggestion]:
    """Open services that help with any of these life domains (in this region, when one is given), the
    ones matching most domains first. Titles and summaries are in ``lang``, or a fallback language."""
    if not domains or limit <= 0:
        return []
    services = Service.objects.filter(status=Status.ACTIVE, domains__slug__in=domains)
    if region:
        found = vocabulary.region_by_slug(region)
        if found is None:
            return []
        services = services.filter(_covers_region(found))
    # Ranked for the person's goals: a service for a group they did not ask about (a trafficking-victim
    # shelter for a housing goal) comes last; then the most goal domains matched; then the most focused
    # service (fewest domains beside the goal's); then by name. The candidates are few (the services of a
    # region for a few domains), so they are ranked here rather than in SQL.
    wanted, unasked = set(domains), {slug for slug in SPECIALIST_DOMAINS if slug not in domains}
    candidates = services.distinct().prefetch_related(
        Prefetch("domains", queryset=vocabulary.domain_list().only("slug"))
    )

    def rank(service: Service) -> tuple[bool, int, int, str, str]:
        slugs = {domain.slug for domain in service.domains.all()}
        name = pick(service.name, lang).text.casefold()
        return (bool(slugs & unasked), -len(slugs & wanted), len(slugs - wanted), name, service.slug)

    ranked = sorted(candidates, key=rank)
    suggestions = []
    for service in ranked[:limit]:
        name = pick(service.name, lang)
        suggestions.append(
            ServiceSuggestion(
                title=name.text,
                summary=pick(service.description, lang).text,
                url=f"/{lang}/directory/service/{service.slug}/",
                lang=name.lang,
                slug=service.slug,
            )
        )
    return suggestions


# --- Staff -------------------------------------------------------------------------------------------------------


def stale_cutoff(today: date | None = None) -> date:
    return months_before(today or timezone.localdate(), STALE_AFTER_MONTHS)


def stale_listings(*, today: date | None = None, owner: Organisation | None = None) -> list[Organization | Service]:
    """Organizations and public services not verified for six months, oldest first."""
    cutoff = stale_cutoff(today)
    stale = Q(last_verified__isnull=True) | Q(last_verified__lt=cutoff)
    organizations = Organization.objects.filter(stale)
    services = public_services().filter(stale).select_related("organization")
    if owner is not None:
        organizations = organizations.filter(owner=owner)
        services = services.filter(organization__owner=owner)
    listings: list[Organization | Service] = [*organizations, *services]
    return sorted(listings, key=lambda item: (item.last_verified or date.min, item.slug))


def owned_organizations(owner: Organisation) -> QuerySet[Organization]:
    return Organization.objects.filter(owner=owner).prefetch_related(
        Prefetch("services", queryset=Service.objects.order_by("slug"))
    )


def open_suggestions(*, owner: Organisation | None) -> QuerySet[Suggestion]:
    """Open suggestions for one organisation's listings, or (``owner=None``) for listings without an owner."""
    suggestions = Suggestion.objects.filter(done_on__isnull=True).select_related("service__organization")
    if owner is None:
        return suggestions.filter(service__organization__owner__isnull=True)
    return suggestions.filter(service__organization__owner=owner)


def recently_done_suggestions(*, owner: Organisation | None, days: int = 30) -> QuerySet[Suggestion]:
    since = timezone.localdate() - timedelta(days=days)
    suggestions = Suggestion.objects.filter(done_on__gte=since).select_related("service", "done_by")
    if owner is None:
        return suggestions.filter(service__organization__owner__isnull=True)
    return suggestions.filter(service__organization__owner=owner)
