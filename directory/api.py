"""The HSDS 3.0 API: read-only JSON at /api/hsds/, open data for anyone (``Access-Control-Allow-Origin: *``).

Paging and query parameters follow the HSDS OpenAPI document. Text comes in English unless ``lang`` asks
for Dutch or French. A bad parameter is answered with 400 and a JSON error naming it; an unknown or malformed
id with 404; a method other than GET or HEAD with 405; all in JSON.

Paging: the spec declares ``page`` and ``per_page`` as plain integers, so any integer is accepted. A page
below 1 is page 1; ``per_page`` is brought within 1 to ``MAX_PER_PAGE`` (``MAX_FULL_PER_PAGE`` with ``full`` or
``full_service``, ``MAX_MINIMAL_PER_PAGE`` with ``minimal=true``, whose default is the largest page: the spec asks
for every service on one page, which a national directory cannot give in a bounded time). The envelope tells the
page and size actually served. Something that is not an integer is a 400.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest, JsonResponse

from core.i18n import LANGUAGE_CODES
from directory import hsds
from directory.models import Organization, Service, ServiceAtLocation
from lib.jsonapi import json_error, json_response, read_only
from search.selectors import MAX_QUERY_LENGTH
from search.selectors import search as run_search
from vocabulary.models import Domain

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
# Bounds that keep every request well under a second at national scale (docs/performance.md): full records (with
# places, schedules, phones...) come 25 to a page, minimal ones 2,000.
MAX_FULL_PER_PAGE = 25
MAX_MINIMAL_PER_PAGE = 2_000
SEARCH_LIMIT = 500
TRUE, FALSE = {"true", "1", "yes"}, {"false", "0", "no"}


class BadParameter(Exception):
    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter, self.message = parameter, message


class NotFound(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _public(response: JsonResponse) -> JsonResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response["Cache-Control"] = "public, max-age=300"
    return response


def _json(data: Any, status: int = 200) -> JsonResponse:
    return _public(json_response(data, status=status))


def _error(status: int, message: str, parameter: str = "") -> JsonResponse:
    response = _public(json_error(status, message, parameter))
    response["Cache-Control"] = "no-store"
    return response


@dataclass
class Params:
    lang: str = "en"
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    search: str = ""
    taxonomy_term_id: uuid.UUID | None = None
    taxonomy_id: uuid.UUID | None = None
    organization_id: uuid.UUID | None = None
    parent_id: uuid.UUID | None = None
    modified_after: datetime | None = None
    postcode: str = ""
    full: bool = False
    full_service: bool = False
    minimal: bool = False
    top_only: bool = False


def _integer(request: HttpRequest, name: str, default: int, low: int, high: int) -> int:
    """A whole number brought within ``low`` to ``high``: the HSDS spec declares paging values as any integer."""
    raw = request.GET.get(name, "").strip()
    if not raw:
        return default
    if not raw.lstrip("+-").isascii() or not raw.lstrip("+-").isdigit() or len(raw) > 30:
        raise BadParameter(name, f"{name} must be a whole number")
    return min(max(int(raw), low), high)


def _boolean(request: HttpRequest, name: str) -> bool:
    raw = request.GET.get(name, "").lower()
    if raw in ("", *FALSE):
        return False
    if raw in TRUE:
        return True
    raise BadParameter(name, f"{name} must be true or false")


def _uuid(request: HttpRequest, name: str) -> uuid.UUID | None:
    raw = request.GET.get(name, "")
    if not raw:
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise BadParameter(name, f"{name} must be a UUID") from None


def _datetime(request: HttpRequest, name: str) -> datetime | None:
    raw = request.GET.get(name, "")
    if not raw:
        return None
    try:
        moment = datetime.fromisoformat(raw.replace(" ", "+"))
        moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)  # 9999-12-31T23:59:59-23:59 is past the last moment a date can hold
    except (ValueError, OverflowError):
        raise BadParameter(name, f"{name} must be a date and time like 2026-01-31T12:00:00Z") from None


def parse(request: HttpRequest, allowed: Sequence[str]) -> Params:
    """The parameters this endpoint understands; others are ignored, as HSDS clients may send more."""
    params = Params()
    for name, values in request.GET.lists():
        if any("\x00" in value for value in values):  # no database text can hold it
            raise BadParameter(name, f"{name} must not contain a NUL character")
    lang = request.GET.get("lang", "en")
    if lang not in LANGUAGE_CODES:
        raise BadParameter("lang", "lang must be one of " + ", ".join(LANGUAGE_CODES))
    params.lang = lang
    if request.GET.get("format", "json") != "json":
        raise BadParameter("format", "format must be json (ndjson is not offered)")
    if "minimal" in allowed:
        params.minimal = _boolean(request, "minimal")
    if "search" in allowed:
        params.search = request.GET.get("search", "").strip()
        if len(params.search) > MAX_QUERY_LENGTH:
            raise BadParameter("search", f"search is too long (at most {MAX_QUERY_LENGTH} characters)")
    for name in ("taxonomy_term_id", "taxonomy_id", "organization_id", "parent_id"):
        if name in allowed:
            setattr(params, name, _uuid(request, name))
    if "modified_after" in allowed:
        params.modified_after = _datetime(request, "modified_after")
    for name in ("full", "full_service", "top_only"):
        if name in allowed:
            setattr(params, name, _boolean(request, name))
    if "page" in allowed:
        params.page = _integer(request, "page", 1, 1, 1_000_000_000)
        if params.minimal:
            most = default = MAX_MINIMAL_PER_PAGE
        elif params.full or params.full_service:
            most = default = MAX_FULL_PER_PAGE
        else:
            most, default = MAX_PER_PAGE, DEFAULT_PER_PAGE
        params.per_page = _integer(request, "per_page", default, 1, most)
    if "postcode" in allowed:
        params.postcode = request.GET.get("postcode", "").strip()[:20]
    if "proximity" in allowed and request.GET.get("proximity"):
        raise BadParameter("proximity", "proximity is not offered: Haven publishes no coordinates")
    return params


def endpoint(allowed: Sequence[str] = ()) -> Callable[[Callable[..., JsonResponse]], Callable[..., JsonResponse]]:
    def decorator(view: Callable[..., JsonResponse]) -> Callable[..., JsonResponse]:
        @read_only
        def wrapper(request: HttpRequest, **kwargs: Any) -> JsonResponse:
            try:
                params = parse(request, allowed)
                return view(request, params, **kwargs)
            except BadParameter as bad:
                return _error(400, bad.message, bad.parameter)
            except NotFound as missing:
                return _error(404, missing.message)

        wrapper.__name__ = view.__name__
        wrapper.__doc__ = view.__doc__
        return wrapper  # type: ignore[return-value]

    return decorator


def _path_id(value: str, kind: str) -> uuid.UUID:
    """The id in the path: one that is not even a UUID names nothing, so it is a 404 like an unknown one."""
    try:
        return uuid.UUID(value)
    except ValueError:
        raise NotFound(f"no {kind} with this id") from None


def page_of(
    items: Sequence[Any] | QuerySet[Any],
    params: Params,
    render: Callable[[Any], Any],
    prepare: Callable[[list[Any]], None] | None = None,
) -> dict[str, Any]:
    """The HSDS paginated envelope. ``prepare`` is given the page's rows (only they) before they are rendered,
    to load what their records need in a few queries."""
    total = items.count() if isinstance(items, QuerySet) else len(items)
    pages = math.ceil(total / params.per_page) if total else 0
    start = (params.page - 1) * params.per_page
    rows = list(items[start : start + params.per_page]) if start < total else []
    if prepare is not None and rows:
        prepare(rows)
    contents = [render(item) for item in rows]
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": params.page,
        "size": len(contents),
        "first_page": params.page == 1,
        "last_page": params.page >= pages,
        "empty": total == 0,
        "contents": contents,
    }


def _found(kind: str, params: Params) -> list[str]:
    return [
        r.key
        for r in run_search(params.search, lang=params.lang, limit=SEARCH_LIMIT, count_misses=False)
        if r.type == kind
    ]


def _term_filter(params: Params) -> Q | None:
    """Services tagged with a taxonomy term, or with any term of a taxonomy."""
    query = None
    if params.taxonomy_term_id:
        term = next((t for t in hsds.all_terms() if t.id == params.taxonomy_term_id), None)
        if term is None:
            query = Q(pk__in=[])
        elif term.taxonomy.model is Domain:
            query = Q(domains__slug=term.slug)
        else:
            query = Q(attributes__slug=term.slug)
    if params.taxonomy_id:
        taxonomy = next((t for t in hsds.TAXONOMIES if t.id == params.taxonomy_id), None)
        by_taxonomy = (
            Q(pk__in=[])
            if taxonomy is None
            else Q(domains__isnull=False)
            if taxonomy.model is Domain
            else Q(attributes__isnull=False)
        )
        query = by_taxonomy if query is None else query & by_taxonomy
    return query


def _filter_services(services: QuerySet[Service], params: Params) -> QuerySet[Service]:
    if params.search:
        services = services.filter(slug__in=_found("service", params))
    term_query = _term_filter(params)
    if term_query is not None:
        services = services.filter(pk__in=Service.objects.filter(term_query).values("pk"))
    if params.organization_id:
        services = services.filter(organization_id=params.organization_id)
    if params.modified_after:
        services = services.filter(updated_at__gte=params.modified_after)
    return services


# --- Views ----------------------------------------------------------------------------------------------------------


@endpoint()
def index(request: HttpRequest, params: Params) -> JsonResponse:
    """API metadata: the HSDS version and profile."""
    return _json({"version": hsds.HSDS_VERSION, "profile": hsds.HSDS_PROFILE, "openapi_url": hsds.HSDS_OPENAPI})


SERVICE_LIST = (
    "page",
    "search",
    "taxonomy_term_id",
    "taxonomy_id",
    "organization_id",
    "modified_after",
    "minimal",
    "full",
)


@endpoint(SERVICE_LIST)
def services(request: HttpRequest, params: Params) -> JsonResponse:
    if params.minimal:
        found = _filter_services(Service.objects.order_by("slug"), params)
        return _json(page_of(found, params, lambda s: hsds.service_minimal(s, params.lang)))
    if params.full:
        found = _filter_services(hsds.services_for_records().order_by("slug"), params)
        return _json(page_of(found, params, lambda s: hsds.service_full(s, params.lang)))
    found = _filter_services(Service.objects.select_related("organization").order_by("slug"), params)
    return _json(page_of(found, params, lambda s: hsds.service_list_item(s, params.lang)))


@endpoint()
def service(request: HttpRequest, params: Params, id: str) -> JsonResponse:
    found = hsds.services_for_records().filter(pk=_path_id(id, "service")).first()
    if found is None:
        return _error(404, "no service with this id")
    return _json(hsds.service_full(found, params.lang))


@endpoint(("page", "search", "full", "full_service"))
def organizations(request: HttpRequest, params: Params) -> JsonResponse:
    if params.full or params.full_service:
        found: QuerySet[Organization] = hsds.organizations_for_records(full_service=params.full_service)
    else:
        found = Organization.objects.all()
    if params.search:
        found = found.filter(slug__in=_found("organisation", params))
    found = found.order_by("slug")
    if params.full or params.full_service:
        return _json(
            page_of(found, params, lambda o: hsds.organization_full(o, params.lang, full_service=params.full_service))
        )
    return _json(page_of(found, params, lambda o: hsds.organization_core(o, params.lang)))


@endpoint(("full_service",))
def organization(request: HttpRequest, params: Params, id: str) -> JsonResponse:
    found = (
        hsds.organizations_for_records(full_service=params.full_service).filter(pk=_path_id(id, "organization")).first()
    )
    if found is None:
        return _error(404, "no organization with this id")
    return _json(hsds.organization_full(found, params.lang, full_service=params.full_service))


def _matches(value: dict[str, str], needle: str, lang: str) -> bool:
    return needle.lower() in hsds.text(value, lang).lower()


@endpoint(("page", "search"))
def taxonomies(request: HttpRequest, params: Params) -> JsonResponse:
    found = [t for t in hsds.TAXONOMIES if not params.search or _matches(t.name, params.search, params.lang)]
    return _json(page_of(found, params, lambda t: hsds.taxonomy_record(t, params.lang)))


@endpoint()
def taxonomy(request: HttpRequest, params: Params, id: str) -> JsonResponse:
    wanted = _path_id(id, "taxonomy")
    found = next((t for t in hsds.TAXONOMIES if t.id == wanted), None)
    if found is None:
        return _error(404, "no taxonomy with this id")
    return _json(hsds.taxonomy_record(found, params.lang))


@endpoint(("page", "search", "taxonomy_id", "top_only", "parent_id"))
def taxonomy_terms(request: HttpRequest, params: Params) -> JsonResponse:
    found = hsds.all_terms()
    if params.taxonomy_id:
        found = [t for t in found if t.taxonomy.id == params.taxonomy_id]
    if params.parent_id:
        found = []  # the vocabulary's terms are flat: none has a parent
    if params.search:
        found = [t for t in found if _matches(t.name, params.search, params.lang) or params.search.lower() in t.slug]
    return _json(page_of(found, params, lambda t: hsds.term_record(t, params.lang)))


@endpoint()
def taxonomy_term(request: HttpRequest, params: Params, id: str) -> JsonResponse:
    wanted = _path_id(id, "taxonomy term")
    found = next((t for t in hsds.all_terms() if t.id == wanted), None)
    if found is None:
        return _error(404, "no taxonomy term with this id")
    return _json(hsds.term_record(found, params.lang))


SAL_LIST = (
    "page",
    "search",
    "taxonomy_term_id",
    "taxonomy_id",
    "organization_id",
    "modified_after",
    "full",
    "postcode",
    "proximity",
)


@endpoint(SAL_LIST)
def service_at_locations(request: HttpRequest, params: Params) -> JsonResponse:
    services_found = _filter_services(Service.objects.all(), params)
    places = hsds.places_for_records().filter(service__in=services_found.values("pk"))
    if params.postcode:
        places = places.filter(location__postal_code=params.postcode)
    places = places.order_by("service__slug", "location__slug")
    if params.full:

        def with_services(rows: list[ServiceAtLocation]) -> None:
            """The full records of the page's services only (at most a page of ids)."""
            records = {s.pk: s for s in hsds.services_for_records().filter(pk__in={p.service_id for p in rows})}
            for place in rows:
                place.service = records[place.service_id]

        def full(place: ServiceAtLocation) -> dict[str, Any]:
            return hsds.service_at_location_full(place, params.lang)

        return _json(page_of(places, params, full, prepare=with_services))
    return _json(page_of(places, params, lambda p: hsds.service_at_location_list_item(p, params.lang)))


@endpoint()
def service_at_location(request: HttpRequest, params: Params, id: str) -> JsonResponse:
    place = hsds.places_for_records().filter(pk=_path_id(id, "service at location")).first()
    if place is None:
        return _error(404, "no service at location with this id")
    place.service = hsds.services_for_records().get(pk=place.service_id)
    return _json(hsds.service_at_location_full(place, params.lang))


@read_only
def not_found(request: HttpRequest, rest: str = "") -> JsonResponse:
    return _error(404, "no such endpoint; see /api/hsds/ and the HSDS 3.0 OpenAPI document")
