"""The directory as an HSDS 3.0 tabular datapackage: datapackage.json and one CSV file per HSDS table.

Standard columns come first, in the order of the HSDS tabular schema, with English text. Haven adds a few
columns after them so that an export can be imported again without losing anything: the Dutch and French
text of each translated field (``name_nl``, ``name_fr``...), slugs, sources and last-verified dates, a
location's city and a service area's region. Confidential locations, their links and their schedules are
never exported (and an import leaves them alone).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from directory import hsds
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
)

TRANSLATED_SUFFIXES = ("nl", "fr")
NUMBER_COLUMNS = {
    "year_incorporated",
    "minimum_age",
    "maximum_age",
    "latitude",
    "longitude",
    "extension",
    "timezone",
    "count",
    "interval",
    "amount",
}
DATE_COLUMNS = {"assured_date", "last_verified", "valid_from", "valid_to", "last_action_date"}
DATETIME_COLUMNS = {"last_modified"}


@dataclass(frozen=True)
class Table:
    name: str
    path: str
    columns: tuple[str, ...]
    extensions: tuple[str, ...] = ()

    @property
    def header(self) -> tuple[str, ...]:
        return self.columns + self.extensions


def _translations(*fields: str) -> tuple[str, ...]:
    return tuple(f"{field}_{suffix}" for field in fields for suffix in TRANSLATED_SUFFIXES)


# The tables of HSDS 3.0 (compiled/tabular.json), in its order; a test checks these against the schema.
TABLES = (
    Table(
        "organization",
        "organizations.csv",
        (
            "id",
            "name",
            "alternate_name",
            "description",
            "email",
            "website",
            "tax_status",
            "tax_id",
            "year_incorporated",
            "legal_status",
            "logo",
            "uri",
            "parent_organization_id",
        ),
        ("slug", *_translations("name", "description"), "sources", "last_verified"),
    ),
    Table("program", "programs.csv", ("id", "organization_id", "name", "alternate_name", "description")),
    Table(
        "service",
        "services.csv",
        (
            "id",
            "organization_id",
            "program_id",
            "name",
            "alternate_name",
            "description",
            "url",
            "email",
            "status",
            "interpretation_services",
            "application_process",
            "fees_description",
            "wait_time",
            "fees",
            "accreditations",
            "eligibility_description",
            "minimum_age",
            "maximum_age",
            "assured_date",
            "assurer_email",
            "licenses",
            "alert",
            "last_modified",
        ),
        (
            "slug",
            *_translations("name", "description", "application_process", "fees_description", "eligibility_description"),
            "sources",
        ),
    ),
    Table("attribute", "attributes.csv", ("id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value")),
    Table("service_at_location", "service_at_location.csv", ("id", "service_id", "location_id", "description")),
    Table(
        "location",
        "locations.csv",
        (
            "id",
            "location_type",
            "url",
            "organization_id",
            "name",
            "alternate_name",
            "description",
            "transportation",
            "latitude",
            "longitude",
            "external_identifier",
            "external_identifier_type",
        ),
        ("slug", *_translations("name", "transportation"), "city"),
    ),
    Table(
        "phone",
        "phones.csv",
        (
            "id",
            "location_id",
            "service_id",
            "organization_id",
            "contact_id",
            "service_at_location_id",
            "number",
            "extension",
            "type",
            "description",
        ),
        _translations("description"),
    ),
    Table(
        "contact",
        "contacts.csv",
        (
            "id",
            "organization_id",
            "service_id",
            "service_at_location_id",
            "location_id",
            "name",
            "title",
            "department",
            "email",
        ),
    ),
    Table(
        "address",
        "addresses.csv",
        (
            "id",
            "location_id",
            "attention",
            "address_1",
            "address_2",
            "city",
            "region",
            "state_province",
            "postal_code",
            "country",
            "address_type",
        ),
    ),
    Table(
        "schedule",
        "schedules.csv",
        (
            "id",
            "service_id",
            "location_id",
            "service_at_location_id",
            "valid_from",
            "valid_to",
            "dtstart",
            "timezone",
            "until",
            "count",
            "wkst",
            "freq",
            "interval",
            "byday",
            "byweekno",
            "bymonthday",
            "byyearday",
            "description",
            "opens_at",
            "closes_at",
            "schedule_link",
            "attending_type",
            "notes",
        ),
        _translations("notes"),
    ),
    Table("funding", "funding.csv", ("id", "organization_id", "service_id", "source")),
    Table(
        "service_area",
        "service_areas.csv",
        ("id", "service_id", "name", "description", "extent", "extent_type", "uri"),
        ("area",),
    ),
    Table(
        "required_document",
        "required_documents.csv",
        ("id", "service_id", "document", "uri"),
        _translations("document"),
    ),
    Table("language", "languages.csv", ("id", "service_id", "location_id", "phone_id", "name", "code", "note")),
    Table("accessibility", "accessibility.csv", ("id", "location_id", "description", "details", "url")),
    Table(
        "taxonomy_term",
        "taxonomy_terms.csv",
        ("id", "code", "name", "description", "parent_id", "taxonomy", "language", "taxonomy_id", "term_uri"),
    ),
    Table(
        "metadata",
        "metadata.csv",
        (
            "id",
            "resource_id",
            "resource_type",
            "last_action_date",
            "last_action_type",
            "field_name",
            "previous_value",
            "replacement_value",
            "updated_by",
        ),
    ),
    Table("meta_table_description", "meta_table_descriptions.csv", ("id", "name", "language", "character_set")),
    Table(
        "cost_option",
        "cost_options.csv",
        ("id", "service_id", "valid_from", "valid_to", "option", "currency", "amount", "amount_description"),
        _translations("option"),
    ),
    Table(
        "organization_identifier",
        "organization_identifiers.csv",
        ("id", "organization_id", "identifier_scheme", "identifier_type", "identifier"),
    ),
    Table("taxonomy", "taxonomies.csv", ("id", "name", "description", "uri", "version")),
)
TABLES_BY_NAME = {table.name: table for table in TABLES}


def _field_type(column: str) -> dict[str, str]:
    if column in NUMBER_COLUMNS:
        return {"type": "number"}
    if column in DATE_COLUMNS:
        return {"type": "date"}
    if column in DATETIME_COLUMNS:
        return {"type": "datetime"}
    if column == "id" or column.endswith("_id"):
        return {"type": "string", "format": "uuid"}
    return {"type": "string"}


def descriptor() -> dict[str, Any]:
    """datapackage.json: no date or count in it, so that the same data always gives the same file."""
    return {
        "name": "haven-directory",
        "title": "Haven: support services for sex workers in Belgium and the Netherlands",
        "profile": "tabular-data-package",
        "description": "Open Referral HSDS 3.0 tabular data. Columns after the HSDS ones are Haven's: Dutch "
        "and French text (_nl, _fr), slugs, sources (JSON), last-verified dates, cities and areas.",
        "resources": [
            {
                "name": table.name,
                "path": table.path,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [{"name": column, **_field_type(column)} for column in table.header],
                    "primaryKey": "id",
                },
            }
            for table in TABLES
        ],
    }


# --- Export -----------------------------------------------------------------------------------------------------

Row = dict[str, Any]


def _en(value: dict[str, str]) -> str:
    return hsds.text(value, "en")


def _translated(prefix: str, value: dict[str, str]) -> Row:
    return {prefix: _en(value), **{f"{prefix}_{code}": value.get(code, "") for code in TRANSLATED_SUFFIXES}}


def _id(value: Any) -> str:
    return str(value) if value else ""


def _date(value: Any) -> str:
    return value.isoformat() if value else ""


def organization_rows() -> Iterator[Row]:
    for org in Organization.objects.order_by("slug"):
        yield {
            "id": str(org.pk),
            **_translated("name", org.name),
            **_translated("description", org.description),
            "email": org.email,
            "website": org.website,
            "slug": org.slug,
            "sources": json.dumps(org.sources, ensure_ascii=False) if org.sources else "",
            "last_verified": _date(org.last_verified),
        }


def service_rows() -> Iterator[Row]:
    for service in Service.objects.order_by("slug"):
        yield {
            "id": str(service.pk),
            "organization_id": str(service.organization_id),
            **_translated("name", service.name),
            **_translated("description", service.description),
            "url": service.website,
            "email": service.email,
            "status": service.status,
            **_translated("application_process", service.how_to_reach),
            **_translated("fees_description", service.cost),
            **_translated("eligibility_description", service.eligibility),
            "assured_date": _date(service.last_verified),
            "last_modified": hsds.timestamp(service.updated_at),
            "slug": service.slug,
            "sources": json.dumps(service.sources, ensure_ascii=False) if service.sources else "",
        }


def location_rows() -> Iterator[Row]:
    for location in Location.objects.public().select_related("city").order_by("slug"):
        yield {
            "id": str(location.pk),
            "location_type": "physical",
            "organization_id": str(location.organization_id),
            **_translated("name", location.name),
            **_translated("transportation", location.transport),
            "slug": location.slug,
            "city": location.city.slug if location.city else "",
        }


def address_rows() -> Iterator[Row]:
    for location in Location.objects.public().select_related("city__region__country").order_by("slug"):
        record = hsds.address_record(location, "en")
        if record:
            yield record


def service_at_location_rows() -> Iterator[Row]:
    places = ServiceAtLocation.objects.filter(location__confidential=False).order_by("service__slug", "location__slug")
    for place in places:
        yield {"id": str(place.pk), "service_id": str(place.service_id), "location_id": str(place.location_id)}


def phone_rows() -> Iterator[Row]:
    phones = Phone.objects.order_by("organization__slug", "service__slug", "position", "number")
    for phone in phones:
        yield {
            "id": str(phone.pk),
            "service_id": _id(phone.service_id),
            "organization_id": _id(phone.organization_id),
            "number": phone.number,
            "type": "voice",
            **_translated("description", phone.description),
        }


def schedule_rows() -> Iterator[Row]:
    schedules = (
        Schedule.objects.exclude(service_at_location__location__confidential=True)
        .select_related("service_at_location")
        .order_by("service__slug", "position", "opens_at")
    )
    for schedule in schedules:
        record = hsds.schedule_record(schedule, "en")
        yield {**record, **_translated("notes", schedule.notes)}


def language_rows() -> Iterator[Row]:
    for language in ServiceLanguage.objects.order_by("service__slug", "code"):
        yield {
            "id": str(language.pk),
            "service_id": str(language.service_id),
            "code": language.code,
            "name": hsds.language_name(language.code),
        }


def service_area_rows() -> Iterator[Row]:
    areas = ServiceArea.objects.select_related("region", "country").order_by(
        "service__slug", "country__code", "region__slug"
    )
    for area in areas:
        place = area.region or area.country
        yield {
            "id": str(area.pk),
            "service_id": str(area.service_id),
            "name": _en(place.name) if place else "",
            "area": area.code,
        }


def cost_option_rows() -> Iterator[Row]:
    for cost in CostOption.objects.order_by("service__slug", "id"):
        yield {
            "id": str(cost.pk),
            "service_id": str(cost.service_id),
            **_translated("option", cost.option),
            "currency": cost.currency,
            "amount": format(cost.amount, "f") if cost.amount is not None else "",
        }


def required_document_rows() -> Iterator[Row]:
    for document in RequiredDocument.objects.order_by("service__slug", "id"):
        yield {
            "id": str(document.pk),
            "service_id": str(document.service_id),
            **_translated("document", document.document),
        }


def taxonomy_rows() -> Iterator[Row]:
    for taxonomy in hsds.TAXONOMIES:
        yield hsds.taxonomy_record(taxonomy, "en")


def taxonomy_term_rows() -> Iterator[Row]:
    for term in hsds.all_terms():
        record = hsds.term_record(term, "en")
        record.pop("taxonomy_detail", None)
        yield record


def attribute_rows() -> Iterator[Row]:
    services = Service.objects.order_by("slug").prefetch_related("domains", "attributes")
    for service in services:
        for record in hsds.attribute_records(service, "en"):
            record.pop("taxonomy_term", None)
            yield record


EXPORTERS: dict[str, Callable[[], Iterator[Row]]] = {
    "organization": organization_rows,
    "service": service_rows,
    "attribute": attribute_rows,
    "service_at_location": service_at_location_rows,
    "location": location_rows,
    "phone": phone_rows,
    "address": address_rows,
    "schedule": schedule_rows,
    "service_area": service_area_rows,
    "required_document": required_document_rows,
    "language": language_rows,
    "taxonomy_term": taxonomy_term_rows,
    "cost_option": cost_option_rows,
    "taxonomy": taxonomy_rows,
}


@dataclass
class ExportSummary:
    rows: dict[str, int]

    def __str__(self) -> str:
        return ", ".join(f"{name}: {count}" for name, count in self.rows.items() if count) + " rows"


def export_datapackage(folder: Path, *, progress: Callable[[int, int], None] | None = None) -> ExportSummary:
    """Write the datapackage into ``folder`` (created if needed). Running it twice writes the same bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    total = len(TABLES)
    for done, table in enumerate(TABLES, start=1):
        rows = EXPORTERS.get(table.name, lambda: iter(()))()
        with (folder / table.path).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=table.header, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            count = 0
            for row in rows:
                writer.writerow({column: row.get(column, "") for column in table.header})
                count += 1
        counts[table.name] = count
        if progress:
            progress(done, total)
    (folder / "datapackage.json").write_text(
        json.dumps(descriptor(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return ExportSummary(counts)
