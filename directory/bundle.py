"""Load the bundled directory (content/directory/*.toml) idempotently, by slug.

Each organization and each service carries a digest of the file entry it came from. A reload changes only
what changed in the files, and never overwrites a record that staff edited in the application unless asked
to (``overwrite_edits``); such conflicts are reported instead. The format is in content/README.md.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from datetime import date, time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from core.content import LoadSummary
from core.i18n import LANGUAGE_CODES, missing_languages
from directory import services as writes
from directory.models import (
    CostOption,
    Location,
    Organization,
    Phone,
    RequiredDocument,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceLanguage,
    stable_id,
)
from lib.phones import DEFAULT_REGION, InvalidPhoneNumber, to_e164
from vocabulary import selectors as vocabulary
from vocabulary.models import Attribute, City, Domain

DIRECTORY_DIR = Path(settings.BASE_DIR) / "content" / "directory"


def _digest(entry: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(entry, sort_keys=True, default=str).encode()).hexdigest()


def _translated(entry: dict[str, Any], key: str, where: str, *, required: bool = False) -> dict[str, str]:
    value = entry.get(key) or {}
    if not isinstance(value, dict):
        raise ValidationError(f"{where}: {key} must be a table with en, nl and fr")
    value = {code: str(text).strip() for code, text in value.items() if code in LANGUAGE_CODES and str(text).strip()}
    if required and missing_languages(value):
        raise ValidationError(f"{where}: {key} is missing in {missing_languages(value)}")
    return value


def _sources(entry: dict[str, Any]) -> list[dict[str, str]]:
    return [{"title": str(s["title"]), "url": str(s["url"])} for s in entry.get("sources", [])]


def _date(value: Any, where: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    raise ValidationError(f"{where}: last_verified must be a date like 2026-11-23")


def _time(value: Any, where: str) -> time:
    try:
        return time.fromisoformat(str(value))
    except ValueError as exc:
        raise ValidationError(f"{where}: {value!r} is not a time like 09:00") from exc


def _number(phone: dict[str, Any], region: str, where: str) -> str:
    """The number in E.164 (a short number as it is); one without a country code is read as ``region``'s."""
    try:
        return to_e164(str(phone["number"]), region)
    except InvalidPhoneNumber as exc:
        raise ValidationError(f"{where}: phone {phone['number']!r} is not a valid number") from exc


def _phone_region(areas: list[str]) -> str:
    """The country whose dialling rules apply to numbers written without a country code."""
    for area in areas:
        region = vocabulary.region_by_slug(area)
        if region is not None:
            return str(region.country.code)
        country = vocabulary.country_by_code(area)
        if country is not None:
            return str(country.code)
    return DEFAULT_REGION


def _lookup(model: Any, slugs: list[str], where: str, what: str) -> list[Any]:
    found = {obj.slug: obj for obj in model.objects.filter(slug__in=slugs)}
    unknown = [slug for slug in slugs if slug not in found]
    if unknown:
        raise ValidationError(f"{where}: unknown {what} {unknown} (see content/vocabulary.toml)")
    return [found[slug] for slug in slugs]


def _save(obj: Any) -> Any:
    obj.full_clean()
    obj.save()
    return obj


def directory_load(*, overwrite_edits: bool = False, path: Path = DIRECTORY_DIR) -> LoadSummary:
    summary = LoadSummary()
    with transaction.atomic():
        for file in sorted(path.glob("*.toml")):
            entry = tomllib.loads(file.read_text(encoding="utf-8"))
            organization = _load_organization(entry, file.name, summary, overwrite_edits)
            for service_entry in entry.get("services", []):
                _load_service(organization, service_entry, file.name, summary, overwrite_edits)
        writes.directory_reindex()
    return summary


def _load_organization(entry: dict[str, Any], where: str, summary: LoadSummary, overwrite: bool) -> Organization:
    slug = entry["slug"]
    own = {key: value for key, value in entry.items() if key != "services"}
    digest = _digest(own)
    organization = Organization.objects.filter(slug=slug).first()
    if organization is not None and organization.bundle_digest == digest:
        summary.unchanged += 1
        return organization
    if organization is not None and organization.edited_in_app and not overwrite:
        summary.conflicts.append(slug)
        return organization
    created = organization is None
    if organization is None:
        organization = Organization(id=stable_id("organization", slug), slug=slug)
    organization.name = _translated(entry, "name", where, required=True)
    organization.description = _translated(entry, "description", where, required=True)
    organization.website = entry.get("website", "")
    organization.email = entry.get("email", "")
    organization.sources = _sources(entry)
    organization.last_verified = _date(entry.get("last_verified"), where)
    organization.bundle_digest, organization.edited_in_app = digest, False
    _save(organization)
    Phone.objects.filter(organization=organization).delete()
    for position, phone in enumerate(entry.get("phones", [])):
        _save(
            Phone(
                id=stable_id("organization-phone", slug, str(position)),
                organization=organization,
                number=_number(phone, _phone_region(_all_areas(entry)), where),
                description=_translated(phone, "description", where),
                position=position,
            )
        )
    kept = []
    for location_entry in entry.get("locations", []):
        kept.append(_load_location(organization, location_entry, where).pk)
    Location.including_confidential.filter(organization=organization).exclude(pk__in=kept).delete()
    if created:
        summary.created += 1
    else:
        summary.updated += 1
    return organization


def _all_areas(entry: dict[str, Any]) -> list[str]:
    return [area for service in entry.get("services", []) for area in service.get("areas", [])]


def _load_location(organization: Organization, entry: dict[str, Any], where: str) -> Location:
    slug = entry["slug"]
    location = Location.including_confidential.filter(slug=slug).first() or Location(
        id=stable_id("location", slug), slug=slug
    )
    if location.pk and location.organization_id not in (None, organization.pk):
        raise ValidationError(f"{where}: location {slug} belongs to another organization")
    city_slug = entry.get("city")
    location.organization = organization
    location.name = _translated(entry, "name", where, required=True)
    location.confidential = bool(entry.get("confidential", False))
    location.address = "" if location.confidential else entry.get("address", "")
    location.postal_code = "" if location.confidential else entry.get("postal_code", "")
    location.city = _lookup(City, [city_slug], where, "city")[0] if city_slug else None
    location.transport = _translated(entry, "transport", where)
    return _save(location)  # type: ignore[no-any-return]


def _load_service(
    organization: Organization, entry: dict[str, Any], file: str, summary: LoadSummary, overwrite: bool
) -> None:
    slug = entry["slug"]
    where = f"{file} service {slug}"
    digest = _digest(entry)
    service = Service.objects.filter(slug=slug).first()
    if service is not None and service.bundle_digest == digest:
        summary.unchanged += 1
        return
    if service is not None and service.edited_in_app and not overwrite:
        summary.conflicts.append(slug)
        return
    created = service is None
    if service is None:
        service = Service(id=stable_id("service", slug), slug=slug)
    elif service.organization_id != organization.pk:
        raise ValidationError(f"{where}: the slug is already used by another organization's service")
    service.organization = organization
    service.name = _translated(entry, "name", where, required=True)
    service.description = _translated(entry, "description", where, required=True)
    service.how_to_reach = _translated(entry, "how_to_reach", where, required=True)
    service.eligibility = _translated(entry, "eligibility", where)
    service.cost = _translated(entry, "cost", where)
    service.website = entry.get("website", "")
    service.email = entry.get("email", "")
    service.sources = _sources(entry)
    service.last_verified = _date(entry.get("last_verified"), where)
    service.bundle_digest, service.edited_in_app = digest, False
    _save(service)
    service.domains.set(_lookup(Domain, entry.get("domains", []), where, "life domain"))
    service.attributes.set(_lookup(Attribute, entry.get("attributes", []), where, "attribute"))
    _load_service_children(service, entry, where)
    if created:
        summary.created += 1
    else:
        summary.updated += 1


def _load_service_children(service: Service, entry: dict[str, Any], where: str) -> None:
    slug = service.slug
    for model in (Phone, Schedule, ServiceLanguage, ServiceArea, RequiredDocument, CostOption, ServiceAtLocation):
        model.objects.filter(service=service).delete()  # type: ignore[attr-defined]
    places = {}
    for location_slug in entry.get("locations", []):
        location = Location.including_confidential.filter(organization=service.organization, slug=location_slug).first()
        if location is None:
            raise ValidationError(f"{where}: location {location_slug} is not one of this organization's")
        places[location_slug] = _save(
            ServiceAtLocation(
                id=stable_id("service_at_location", slug, location_slug), service=service, location=location
            )
        )
    for position, phone in enumerate(entry.get("phones", [])):
        _save(
            Phone(
                id=stable_id("service-phone", slug, str(position)),
                service=service,
                number=_number(phone, _phone_region(entry.get("areas", [])), where),
                description=_translated(phone, "description", where),
                position=position,
            )
        )
    for position, schedule in enumerate(entry.get("schedules", [])):
        place = schedule.get("location")
        if place and place not in places:
            raise ValidationError(f"{where}: schedule location {place} is not among the service's locations")
        _save(
            Schedule(
                id=stable_id("schedule", slug, str(position)),
                service=service,
                service_at_location=places.get(place) if place else None,
                byday=",".join(schedule.get("days", [])),
                opens_at=_time(schedule.get("opens"), where),
                closes_at=_time(schedule.get("closes"), where),
                notes=_translated(schedule, "note", where),
                position=position,
            )
        )
    for code in entry.get("languages", []):
        _save(ServiceLanguage(id=stable_id("language", slug, code), service=service, code=code))
    for area in entry.get("areas", []):
        region = vocabulary.region_by_slug(area)
        country = None if region else vocabulary.country_by_code(area)
        if region is None and country is None:
            raise ValidationError(f"{where}: unknown area {area!r} (a region slug or a country code)")
        _save(ServiceArea(id=stable_id("service_area", slug, area), service=service, region=region, country=country))
    documents = _translated(entry, "documents", where)
    if documents:
        _save(RequiredDocument(id=stable_id("required_document", slug), service=service, document=documents))
    writes.cost_options_sync(service=service)
