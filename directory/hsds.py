"""The directory as HSDS 3.0 records (JSON objects), in one language, for the API.

Text fields come in the requested language, or a fallback language when that one is missing. Life domains
and service attributes are published as two HSDS taxonomies whose terms are the vocabulary's. Confidential
locations are left out of every record, together with their service-at-location links and schedules.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import get_language_info

from core.i18n import pick
from directory.models import (
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    stable_id,
)
from vocabulary.models import Attribute, Domain

HSDS_VERSION = "3.0"
HSDS_PROFILE = "https://docs.openreferral.org/en/v3.0/"
HSDS_OPENAPI = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"


def text(value: dict[str, str] | None, lang: str) -> str:
    return pick(value, lang).text


def clean(record: dict[str, Any], *, required: tuple[str, ...] = ()) -> dict[str, Any]:
    """HSDS fields are optional unless required: leave out what we do not know rather than send empty values.

    ``required`` fields stay, as an empty string at worst, so that a record missing a text stays valid."""
    return {
        key: "" if value is None and key in required else value
        for key, value in record.items()
        if key in required or (value is not None and value != "")
    }


def timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# --- Taxonomies: the shared vocabulary --------------------------------------------------------------------------


@dataclass(frozen=True)
class Taxonomy:
    slug: str
    name: dict[str, str]
    description: dict[str, str]
    model: type[Domain] | type[Attribute]
    link_type: str

    @property
    def id(self) -> uuid.UUID:
        return stable_id("taxonomy", self.slug)


TAXONOMIES = (
    Taxonomy(
        "haven-life-domains",
        {"en": "Haven life domains", "nl": "Levensdomeinen van Haven", "fr": "Domaines de vie de Haven"},
        {
            "en": "The needs a service helps with, shared by every part of Haven.",
            "nl": "De noden waarbij een dienst helpt, dezelfde in heel Haven.",
            "fr": "Les besoins auxquels un service répond, les mêmes dans tout Haven.",
        },
        Domain,
        "need",
    ),
    Taxonomy(
        "haven-service-attributes",
        {
            "en": "Haven service attributes",
            "nl": "Kenmerken van diensten in Haven",
            "fr": "Caractéristiques des services dans Haven",
        },
        {
            "en": "What matters when reaching a service: anonymous, free, undocumented people welcome, and so on.",
            "nl": "Wat telt om een dienst te bereiken: anoniem, gratis, mensen zonder papieren welkom, enzovoort.",
            "fr": "Ce qui compte pour joindre un service : anonyme, gratuit, personnes sans papiers bienvenues, etc.",
        },
        Attribute,
        "feature",
    ),
)


@dataclass(frozen=True)
class Term:
    taxonomy: Taxonomy
    slug: str
    name: dict[str, str]

    @property
    def id(self) -> uuid.UUID:
        return term_id(self.taxonomy.slug, self.slug)


def term_id(taxonomy_slug: str, term_slug: str) -> uuid.UUID:
    return stable_id("taxonomy_term", taxonomy_slug, term_slug)


def taxonomy_by_model(model: type[Domain] | type[Attribute]) -> Taxonomy:
    return next(t for t in TAXONOMIES if t.model is model)


def all_terms() -> list[Term]:
    return [Term(taxonomy, obj.slug, obj.name) for taxonomy in TAXONOMIES for obj in taxonomy.model.objects.all()]


def taxonomy_record(taxonomy: Taxonomy, lang: str) -> dict[str, Any]:
    return clean(
        {
            "id": str(taxonomy.id),
            "name": text(taxonomy.name, lang),
            "description": text(taxonomy.description, lang),
            "version": "1",
        },
        required=("id", "name", "description"),
    )


def term_record(term: Term, lang: str) -> dict[str, Any]:
    name = text(term.name, lang) or term.slug
    return clean(
        {
            "id": str(term.id),
            "code": term.slug,
            "name": name,
            "description": name,
            "taxonomy": text(term.taxonomy.name, lang),
            "taxonomy_id": str(term.taxonomy.id),
            "taxonomy_detail": taxonomy_record(term.taxonomy, lang),
            "language": lang,
        }
    )


def attribute_records(service: Service, lang: str) -> list[dict[str, Any]]:
    """HSDS attributes: the links between a service and the taxonomy terms it is tagged with."""
    records = []
    for model, terms in ((Domain, service.domains.all()), (Attribute, service.attributes.all())):
        taxonomy = taxonomy_by_model(model)
        for obj in terms:
            term = Term(taxonomy, obj.slug, obj.name)
            records.append(
                {
                    "id": str(stable_id("attribute", str(service.pk), str(term.id))),
                    "link_id": str(service.pk),
                    "link_type": taxonomy.link_type,
                    "link_entity": "service",
                    "taxonomy_term_id": str(term.id),
                    "taxonomy_term": term_record(term, lang),
                }
            )
    return records


# --- Records ------------------------------------------------------------------------------------------------------


def organization_core(organization: Organization, lang: str) -> dict[str, Any]:
    return clean(
        {
            "id": str(organization.pk),
            "name": text(organization.name, lang),
            "description": text(organization.description, lang),
            "email": organization.email,
            "website": organization.website,
        },
        required=("id", "name", "description"),
    )


def phone_record(phone: Phone, lang: str) -> dict[str, Any]:
    return clean(
        {
            "id": str(phone.pk),
            "organization_id": str(phone.organization_id) if phone.organization_id else None,
            "service_id": str(phone.service_id) if phone.service_id else None,
            "number": phone.number,
            "type": "voice",
            "description": text(phone.description, lang),
        }
    )


def schedule_record(schedule: Schedule, lang: str) -> dict[str, Any]:
    place = schedule.service_at_location
    return clean(
        {
            "id": str(schedule.pk),
            "service_id": str(schedule.service_id),
            "service_at_location_id": str(place.pk) if place else None,
            "location_id": str(place.location_id) if place else None,
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": schedule.byday,
            "opens_at": schedule.opens_at.strftime("%H:%M"),
            "closes_at": schedule.closes_at.strftime("%H:%M"),
            "notes": text(schedule.notes, lang),
            "attending_type": "in_person" if place else None,
        }
    )


def address_record(location: Location, lang: str) -> dict[str, Any] | None:
    """The street address of a public location; ``None`` for a confidential one or when it is not known."""
    if location.confidential or not location.address or not location.city:
        return None
    return {
        "id": str(stable_id("address", str(location.pk))),
        "location_id": str(location.pk),
        "address_1": location.address,
        "city": text(location.city.name, lang),
        "state_province": text(location.city.region.name, lang),
        "postal_code": location.postal_code,
        "country": location.city.region.country.code,
        "address_type": "physical",
    }


def location_core(location: Location, lang: str) -> dict[str, Any]:
    if location.confidential:
        raise ValueError("a confidential location is never published")
    return clean(
        {
            "id": str(location.pk),
            "location_type": "physical",
            "organization_id": str(location.organization_id),
            "name": text(location.name, lang),
            "transportation": text(location.transport, lang),
        }
    )


def location_full(location: Location, lang: str) -> dict[str, Any]:
    address = address_record(location, lang)
    return {**location_core(location, lang), "addresses": [address] if address else []}


def area_record(area: ServiceArea, lang: str) -> dict[str, Any]:
    place = area.region or area.country
    return clean(
        {
            "id": str(area.pk),
            "service_id": str(area.service_id),
            "name": text(place.name, lang) if place else "",
            "description": area.code,
        }
    )


def service_core(service: Service, lang: str) -> dict[str, Any]:
    return clean(
        {
            "id": str(service.pk),
            "organization_id": str(service.organization_id),
            "name": text(service.name, lang),
            "description": text(service.description, lang),
            "url": service.website,
            "email": service.email,
            "status": service.status,
            "application_process": text(service.how_to_reach, lang),
            "fees_description": text(service.cost, lang),
            "eligibility_description": text(service.eligibility, lang),
            "assured_date": service.last_verified.isoformat() if service.last_verified else None,
            "last_modified": timestamp(service.updated_at),
        },
        required=("id", "name", "status"),
    )


def service_minimal(service: Service, lang: str) -> dict[str, Any]:
    """A service with ``minimal=true``: its id and last modification (the OpenAPI's "id and modified_date"),
    plus the two other fields the spec's service_list schema requires."""
    return {
        "id": str(service.pk),
        "name": text(service.name, lang),
        "status": service.status,
        "last_modified": timestamp(service.updated_at),
    }


def service_list_item(service: Service, lang: str) -> dict[str, Any]:
    return {**service_core(service, lang), "organization": organization_core(service.organization, lang)}


def _public_places(service: Service) -> list[ServiceAtLocation]:
    return [place for place in service.service_at_locations.all() if not place.location.confidential]  # type: ignore[attr-defined]


def _public_schedules(service: Service) -> list[Schedule]:
    return [
        s
        for s in service.schedules.all()  # type: ignore[attr-defined]
        if s.service_at_location is None or not s.service_at_location.location.confidential
    ]


def service_full(service: Service, lang: str, *, with_places: bool = True) -> dict[str, Any]:
    record = service_list_item(service, lang)
    record.update(
        {
            "phones": [phone_record(p, lang) for p in service.phones.all()],  # type: ignore[attr-defined]
            "schedules": [schedule_record(s, lang) for s in _public_schedules(service)],
            "service_areas": [area_record(a, lang) for a in service.areas.all()],  # type: ignore[attr-defined]
            "languages": [
                clean(
                    {"id": str(sl.pk), "service_id": str(service.pk), "code": sl.code, "name": language_name(sl.code)}
                )
                for sl in service.languages.all()  # type: ignore[attr-defined]
            ],
            "cost_options": [
                clean(
                    {
                        "id": str(c.pk),
                        "service_id": str(service.pk),
                        "option": text(c.option, lang),
                        "amount": float(c.amount) if c.amount is not None else None,
                        "currency": c.currency,
                    }
                )
                for c in service.cost_options.all()  # type: ignore[attr-defined]
            ],
            "required_documents": [
                {"id": str(d.pk), "service_id": str(service.pk), "document": text(d.document, lang)}
                for d in service.required_documents.all()  # type: ignore[attr-defined]
            ],
            "attributes": attribute_records(service, lang),
        }
    )
    if with_places:
        record["service_at_locations"] = [
            {
                "id": str(place.pk),
                "service_id": str(service.pk),
                "location_id": str(place.location_id),
                "location": location_full(place.location, lang),
            }
            for place in _public_places(service)
        ]
    return record


def language_name(code: str) -> str:
    try:
        return str(get_language_info(code)["name"])
    except KeyError:
        return code


def organization_full(organization: Organization, lang: str, *, full_service: bool = False) -> dict[str, Any]:
    services = list(organization.services.all())  # type: ignore[attr-defined]
    return {
        **organization_core(organization, lang),
        "phones": [phone_record(p, lang) for p in organization.phones.all()],  # type: ignore[attr-defined]
        "locations": [location_full(loc, lang) for loc in organization.locations.all() if not loc.confidential],  # type: ignore[attr-defined]
        "services": [service_full(s, lang) if full_service else service_core(s, lang) for s in services],
    }


def service_at_location_list_item(place: ServiceAtLocation, lang: str) -> dict[str, Any]:
    return {
        "id": str(place.pk),
        "service_id": str(place.service_id),
        "location_id": str(place.location_id),
        "location": location_core(place.location, lang),
        "service": service_list_item(place.service, lang),
    }


def service_at_location_full(place: ServiceAtLocation, lang: str) -> dict[str, Any]:
    service = place.service
    return {
        "id": str(place.pk),
        "service_id": str(place.service_id),
        "location_id": str(place.location_id),
        "location": location_full(place.location, lang),
        "service": service_full(service, lang, with_places=False),
        "schedules": [
            schedule_record(s, lang) for s in _public_schedules(service) if s.service_at_location_id == place.pk
        ],
        "phones": [],
    }


# --- Querysets that prefetch what the records read -----------------------------------------------------------------


def services_for_records() -> QuerySet[Service]:
    return Service.objects.select_related("organization").prefetch_related(
        "phones",
        "domains",
        "attributes",
        "languages",
        "cost_options",
        "required_documents",
        "areas__region",
        "areas__country",
        Prefetch("schedules", queryset=Schedule.objects.select_related("service_at_location__location")),
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.select_related("location__city__region__country"),
        ),
    )


def organizations_for_records(*, full_service: bool = False) -> QuerySet[Organization]:
    services: QuerySet[Service] = services_for_records() if full_service else Service.objects.all()
    return Organization.objects.prefetch_related(
        "phones",
        Prefetch("locations", queryset=Location.objects.select_related("city__region__country")),
        Prefetch("services", queryset=services.order_by("slug")),
    )


def places_for_records() -> QuerySet[ServiceAtLocation]:
    return ServiceAtLocation.objects.filter(location__confidential=False).select_related(
        "location__city__region__country", "service__organization"
    )
