"""Import an HSDS 3.0 tabular datapackage (as written by ``directory.datapackage``) idempotently.

Records are matched by their HSDS id and created or updated. For every organization and service in the
package, the package says everything: phones, schedules, languages, areas, cost options, documents, places
and taxonomy terms that it does not list are removed. Nothing is deleted otherwise, and confidential
locations (never exported) are left alone. All or nothing: one transaction, and any bad row (reported
with its file and line) rolls everything back.
"""

from __future__ import annotations

import csv
import json
import re
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, models, transaction
from django.utils.text import slugify

from core.i18n import LANGUAGE_CODES
from core.pagecache import content_changed
from directory import hsds
from directory.datapackage import TABLES, TABLES_BY_NAME, TRANSLATED_SUFFIXES
from directory.models import (
    DAY_CODES,
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
from directory.services import directory_reindex
from search.services import document_delete
from vocabulary import selectors as vocabulary
from vocabulary.models import Attribute, Domain

MAX_ERRORS = 50
UNSUPPORTED = (
    "program",
    "contact",
    "funding",
    "accessibility",
    "metadata",
    "meta_table_description",
    "organization_identifier",
)
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")

Line = tuple[int, dict[str, str]]


class ImportFailed(Exception):
    def __init__(self, errors: list[str]) -> None:
        super().__init__(f"{len(errors)} problem(s); nothing was imported")
        self.errors = errors


class RowError(Exception):
    pass


@dataclass
class ImportSummary:
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    removed: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)

    def count(self, table: str, outcome: str) -> None:
        self.counts.setdefault(table, Counter())[outcome] += 1

    def total(self, outcome: str) -> int:
        return sum(counter[outcome] for counter in self.counts.values())

    def __str__(self) -> str:
        parts = [
            f"{self.total('created')} created, {self.total('updated')} updated, {self.total('unchanged')} unchanged"
        ]
        if self.removed:
            parts.append("removed: " + ", ".join(f"{n} {name}" for name, n in sorted(self.removed.items())))
        if self.skipped:
            parts.append(
                "not used by Haven, skipped: " + ", ".join(f"{n} {name}" for name, n in sorted(self.skipped.items()))
            )
        return "; ".join(parts)


def read_package(folder: Path) -> dict[str, list[Line]]:
    """Rows per table, each with the line it ends on. Paths come from datapackage.json when it has them."""
    paths = {table.name: table.path for table in TABLES}
    descriptor = folder / "datapackage.json"
    if descriptor.exists():
        try:
            resources = json.loads(descriptor.read_text(encoding="utf-8")).get("resources", [])
        except json.JSONDecodeError as exc:
            raise ImportFailed([f"datapackage.json line {exc.lineno}: not valid JSON"]) from exc
        for resource in resources:
            if resource.get("name") in paths and isinstance(resource.get("path"), str):
                paths[resource["name"]] = resource["path"]
    tables: dict[str, list[Line]] = {}
    for name, relative in paths.items():
        path = (folder / relative).resolve()
        if folder.resolve() not in path.parents or not path.exists():
            tables[name] = []
            continue
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            try:
                tables[name] = [
                    (reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}) for row in reader
                ]
            except csv.Error as exc:
                raise ImportFailed([f"{relative} line {reader.line_num}: {exc}"]) from exc
    return tables


# --- Cell readers ---------------------------------------------------------------------------------------------------


def _required(row: dict[str, str], column: str) -> uuid.UUID:
    found = _uuid(row, column)
    if found is None:
        raise RowError(f"{column} is required")
    return found


def _uuid(row: dict[str, str], column: str) -> uuid.UUID | None:
    raw = row.get(column, "")
    if not raw:
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise RowError(f"{column} {raw!r} is not a UUID") from None


def _tr(row: dict[str, str], column: str) -> dict[str, str]:
    value = {"en": row.get(column, "")}
    value.update({code: row.get(f"{column}_{code}", "") for code in TRANSLATED_SUFFIXES})
    return {code: text for code, text in value.items() if text and code in LANGUAGE_CODES}


def _date(row: dict[str, str], column: str) -> date | None:
    raw = row.get(column, "")
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        raise RowError(f"{column} {raw!r} is not a date like 2026-01-31") from None


def _datetime(row: dict[str, str], column: str) -> datetime | None:
    raw = row.get(column, "")
    try:
        moment = datetime.fromisoformat(raw) if raw else None
    except ValueError:
        raise RowError(f"{column} {raw!r} is not a date and time") from None
    return moment.replace(tzinfo=UTC) if moment and not moment.tzinfo else moment


def _time(row: dict[str, str], column: str) -> time:
    raw = row.get(column, "")
    try:
        return time.fromisoformat(raw)
    except ValueError:
        raise RowError(f"{column} {raw!r} is not a time like 09:00") from None


def _slug(model: type[models.Model], row: dict[str, str], pk: uuid.UUID, fallback: str) -> str:
    given = row.get("slug", "")
    if given:
        return given
    base = slugify(row.get("name", "")).strip("-")[:60] or fallback
    taken = model._base_manager.filter(slug=base).exclude(pk=pk).exists()  # type: ignore[attr-defined]
    return f"{base}-{str(pk)[:8]}" if taken else base


def _messages(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(f"{name}: {' '.join(str(m) for m in msgs)}" for name, msgs in error.message_dict.items())
    return " ".join(str(message) for message in error.messages)


# --- The importer ---------------------------------------------------------------------------------------------------


class Importer:
    def __init__(self, tables: dict[str, list[Line]], progress: Callable[[int, int], None] | None) -> None:
        self.tables = tables
        self.progress = progress
        self.total = sum(len(rows) for rows in tables.values())
        self.done = 0
        self.errors: list[str] = []
        self.summary = ImportSummary()
        self.organizations: set[uuid.UUID] = set()
        self.services: dict[uuid.UUID, datetime | None] = {}

    # Bookkeeping

    def rows(self, table: str) -> list[tuple[int, dict[str, str], str]]:
        path = TABLES_BY_NAME[table].path
        return [(line, row, path) for line, row in self.tables.get(table, [])]

    def each(self, table: str, handle: Callable[[dict[str, str]], None]) -> None:
        for line, row, path in self.rows(table):
            try:
                with transaction.atomic():
                    handle(row)
            except RowError as exc:
                self.fail(path, line, str(exc))
            except ValidationError as exc:
                self.fail(path, line, _messages(exc))
            except DatabaseError as exc:
                self.fail(path, line, f"the database refused the row ({exc.__class__.__name__})")
            self.done += 1
            if self.progress:
                self.progress(self.done, self.total)

    def fail(self, path: str, line: int, message: str) -> None:
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(f"{path} line {line}: {message}")

    def upsert(self, table: str, model: type[models.Model], pk: uuid.UUID, values: dict[str, Any]) -> Any:
        obj = model.objects.filter(pk=pk).first()  # type: ignore[attr-defined]
        created = obj is None
        if created:
            obj = model(pk=pk)
        elif all(getattr(obj, name) == value for name, value in values.items()):
            self.summary.count(table, "unchanged")
            return obj
        for name, value in values.items():
            setattr(obj, name, value)
        if not created and hasattr(obj, "edited_in_app"):
            obj.edited_in_app = True  # a later load of the bundled content keeps what was imported
        obj.full_clean()
        obj.save()
        self.summary.count(table, "created" if created else "updated")
        return obj

    def remove(self, table: str, queryset: models.QuerySet[Any]) -> None:
        count, _ = queryset.delete()
        if count:
            self.summary.removed[table] += count

    # Tables

    def run(self) -> ImportSummary:
        for name in UNSUPPORTED:
            if self.tables.get(name):
                self.summary.skipped[TABLES_BY_NAME[name].path] = len(self.tables[name])
                self.done += len(self.tables[name])
        self.each("taxonomy", self.taxonomy)
        self.each("taxonomy_term", self.taxonomy_term)
        self.each("organization", self.organization)
        self.addresses = self.read_addresses()
        self.each("location", self.location)
        self.each("address", self.address)
        self.each("service", self.service)
        self.children()
        self.each("attribute", self.attribute)
        if not self.errors:
            self.finish()
        return self.summary

    def taxonomy(self, row: dict[str, str]) -> None:
        if _required(row, "id") not in {t.id for t in hsds.TAXONOMIES}:
            raise RowError("unknown taxonomy: Haven publishes its own vocabulary as taxonomies and imports no other")
        self.summary.count("taxonomy", "unchanged")

    def taxonomy_term(self, row: dict[str, str]) -> None:
        if _required(row, "id") not in self.terms:
            raise RowError("unknown taxonomy term: Haven imports only the terms of its own vocabulary")
        self.summary.count("taxonomy_term", "unchanged")

    @property
    def terms(self) -> dict[uuid.UUID, hsds.Term]:
        if not hasattr(self, "_terms"):
            self._terms = {term.id: term for term in hsds.all_terms()}
        return self._terms

    def organization(self, row: dict[str, str]) -> None:
        pk = _required(row, "id")
        name, description = _tr(row, "name"), _tr(row, "description")
        if not name or not description:
            raise RowError("name and description are required")
        try:
            sources = json.loads(row["sources"]) if row.get("sources") else []
        except json.JSONDecodeError:
            raise RowError("sources must be a JSON list of {title, url}") from None
        values = {
            "slug": _slug(Organization, row, pk, "organization"),
            "name": name,
            "description": description,
            "email": row.get("email", ""),
            "website": row.get("website", ""),
            "sources": sources,
            "last_verified": _date(row, "last_verified"),
        }
        self.upsert("organization", Organization, pk, values)
        self.organizations.add(pk)

    def read_addresses(self) -> dict[uuid.UUID, dict[str, str]]:
        found: dict[uuid.UUID, dict[str, str]] = {}
        for _line, row, _path in self.rows("address"):
            try:
                found[_required(row, "location_id")] = row
            except RowError:
                continue  # reported when the address rows are checked
        return found

    def _location_values(self, row: dict[str, str], address: dict[str, str] | None) -> dict[str, Any]:
        city = None
        if row.get("city"):
            city = vocabulary.city_by_slug(row["city"])
            if city is None:
                raise RowError(f"city {row['city']!r} is not in the vocabulary")
        elif address and address.get("city"):
            city = next((c for c in vocabulary.city_list() if address["city"] in c.name.values()), None)
        return {
            "address": address.get("address_1", "") if address else "",
            "postal_code": address.get("postal_code", "") if address else "",
            "city": city,
        }

    def location(self, row: dict[str, str]) -> None:
        pk = _required(row, "id")
        if Location.including_confidential.filter(pk=pk, confidential=True).exists():
            raise RowError("this location is confidential in Haven and is never imported or exported")
        if row.get("location_type", "physical") not in ("physical", ""):
            raise RowError("only physical locations are used by Haven")
        organization_id = _required(row, "organization_id")
        values = {
            "slug": _slug(Location, row, pk, "location"),
            "organization_id": organization_id,
            "name": _tr(row, "name"),
            "transport": _tr(row, "transportation"),
            **self._location_values(row, self.addresses.get(pk)),
        }
        self.upsert("location", Location, pk, values)

    def address(self, row: dict[str, str]) -> None:
        location_id = _required(row, "location_id")
        if not row.get("address_1"):
            raise RowError("address_1 is required")
        location = Location.including_confidential.filter(pk=location_id).first()
        if location is None:
            raise RowError("location_id does not match a location")
        if location.confidential:
            raise RowError("the location is confidential: its address is never imported")
        self.summary.count("address", "unchanged")  # applied with its location

    def service(self, row: dict[str, str]) -> None:
        pk = _required(row, "id")
        if not _tr(row, "name"):
            raise RowError("name is required")
        try:
            sources = json.loads(row["sources"]) if row.get("sources") else []
        except json.JSONDecodeError:
            raise RowError("sources must be a JSON list of {title, url}") from None
        values = {
            "slug": _slug(Service, row, pk, "service"),
            "organization_id": _required(row, "organization_id"),
            "name": _tr(row, "name"),
            "description": _tr(row, "description"),
            "website": row.get("url", ""),
            "email": row.get("email", ""),
            "status": row.get("status", ""),
            "how_to_reach": _tr(row, "application_process"),
            "cost": _tr(row, "fees_description"),
            "eligibility": _tr(row, "eligibility_description"),
            "last_verified": _date(row, "assured_date"),
            "sources": sources,
        }
        renamed = Service.objects.filter(pk=pk).exclude(slug=values["slug"]).values_list("slug", flat=True).first()
        self.upsert("service", Service, pk, values)
        if renamed:
            document_delete(kind="service", key=renamed)  # the new slug is indexed when the import ends
        self.services[pk] = _datetime(row, "last_modified")

    # Children of the services and organizations in the package

    def _service_of(self, row: dict[str, str]) -> uuid.UUID:
        service_id = _required(row, "service_id")
        if service_id not in self.services:
            raise RowError("service_id is not a service of this package")
        return service_id

    def children(self) -> None:
        kept: dict[str, list[uuid.UUID]] = {}
        positions: Counter[Any] = Counter()

        def keep(table: str, pk: uuid.UUID) -> None:
            kept.setdefault(table, []).append(pk)

        def place(row: dict[str, str]) -> None:
            pk = _required(row, "id")
            location_id = _required(row, "location_id")
            secret = ServiceAtLocation.objects.filter(pk=pk, location__confidential=True).exists()
            if secret or Location.including_confidential.filter(pk=location_id, confidential=True).exists():
                raise RowError("the location is confidential and is never imported")
            self.upsert(
                "service_at_location",
                ServiceAtLocation,
                pk,
                {"service_id": self._service_of(row), "location_id": location_id},
            )
            keep("service_at_location", pk)

        def phone(row: dict[str, str]) -> None:
            pk = _required(row, "id")
            if any(row.get(column) for column in ("location_id", "contact_id", "service_at_location_id")):
                raise RowError("Haven keeps phones of organizations and services only")
            service_id, organization_id = _uuid(row, "service_id"), _uuid(row, "organization_id")
            if bool(service_id) == bool(organization_id):
                raise RowError("a phone needs either service_id or organization_id")
            if service_id and service_id not in self.services:
                raise RowError("service_id is not a service of this package")
            if organization_id and organization_id not in self.organizations:
                raise RowError("organization_id is not an organization of this package")
            owner = service_id or organization_id
            values = {
                "service_id": service_id,
                "organization_id": organization_id,
                "number": row.get("number", ""),
                "description": _tr(row, "description"),
                "position": positions[("phone", owner)],
            }
            positions[("phone", owner)] += 1
            self.upsert("phone", Phone, pk, values)
            keep("phone", pk)

        def schedule(row: dict[str, str]) -> None:
            pk = _required(row, "id")
            if row.get("freq", "WEEKLY") not in ("WEEKLY", ""):
                raise RowError("only weekly schedules (freq WEEKLY) are used by Haven")
            service_id = self._service_of(row)
            days = [day.strip() for day in row.get("byday", "").split(",") if day.strip()]
            if not days or any(day not in DAY_CODES for day in days):
                raise RowError("byday must list days like MO,TU,WE")
            place_id = _uuid(row, "service_at_location_id")
            public_places = ServiceAtLocation.objects.filter(location__confidential=False)
            if place_id and not public_places.filter(pk=place_id, service_id=service_id).exists():
                raise RowError("service_at_location_id is not a public place of this service")
            if Schedule.objects.filter(pk=pk, service_at_location__location__confidential=True).exists():
                raise RowError("this schedule belongs to a confidential location and is never imported")
            values = {
                "service_id": service_id,
                "service_at_location_id": place_id,
                "byday": ",".join(days),
                "opens_at": _time(row, "opens_at"),
                "closes_at": _time(row, "closes_at"),
                "notes": _tr(row, "notes"),
                "position": positions[("schedule", service_id)],
            }
            positions[("schedule", service_id)] += 1
            self.upsert("schedule", Schedule, pk, values)
            keep("schedule", pk)

        def language(row: dict[str, str]) -> None:
            pk = _required(row, "id")
            code = row.get("code", "").lower()
            if not LANGUAGE_CODE.match(code):
                raise RowError("code must be an ISO 639 language code like nl")
            self.upsert("language", ServiceLanguage, pk, {"service_id": self._service_of(row), "code": code})
            keep("language", pk)

        def area(row: dict[str, str]) -> None:
            pk = _required(row, "id")
            code = row.get("area") or row.get("name", "")
            region = vocabulary.region_by_slug(code) or next(
                (r for r in vocabulary.region_list() if code and code in r.name.values()), None
            )
            country = None if region else vocabulary.country_by_code(code)
            if region is None and country is None:
                raise RowError(f"area {code!r} is neither a region slug nor a country code of the vocabulary")
            self.upsert(
                "service_area",
                ServiceArea,
                pk,
                {"service_id": self._service_of(row), "region": region, "country": country},
            )
            keep("service_area", pk)

        def cost(row: dict[str, str]) -> None:
            pk = _required(row, "id")
            try:
                amount = Decimal(row["amount"]) if row.get("amount") else None
            except InvalidOperation:
                raise RowError(f"amount {row['amount']!r} is not a number") from None
            values = {
                "service_id": self._service_of(row),
                "option": _tr(row, "option"),
                "amount": amount,
                "currency": row.get("currency", "").upper(),
            }
            self.upsert("cost_option", CostOption, pk, values)
            keep("cost_option", pk)

        def document(row: dict[str, str]) -> None:
            pk = _required(row, "id")
            self.upsert(
                "required_document",
                RequiredDocument,
                pk,
                {"service_id": self._service_of(row), "document": _tr(row, "document")},
            )
            keep("required_document", pk)

        for table, handle in (
            ("service_at_location", place),
            ("phone", phone),
            ("schedule", schedule),
            ("language", language),
            ("service_area", area),
            ("cost_option", cost),
            ("required_document", document),
        ):
            self.each(table, handle)
        if self.errors:
            return
        services = list(self.services)
        public_place = models.Q(location__confidential=False)
        self.remove(
            "service_at_location",
            ServiceAtLocation.objects.filter(public_place, service_id__in=services).exclude(
                pk__in=kept.get("service_at_location", [])
            ),
        )
        phones = Phone.objects.filter(
            models.Q(service_id__in=services) | models.Q(organization_id__in=self.organizations)
        )
        self.remove("phone", phones.exclude(pk__in=kept.get("phone", [])))
        schedules = Schedule.objects.filter(service_id__in=services).exclude(
            service_at_location__location__confidential=True
        )
        self.remove("schedule", schedules.exclude(pk__in=kept.get("schedule", [])))
        for table, model in (
            ("language", ServiceLanguage),
            ("service_area", ServiceArea),
            ("cost_option", CostOption),
            ("required_document", RequiredDocument),
        ):
            self.remove(table, model.objects.filter(service_id__in=services).exclude(pk__in=kept.get(table, [])))  # type: ignore[attr-defined]

    def attribute(self, row: dict[str, str]) -> None:
        if row.get("link_entity", "service") != "service":
            raise RowError("Haven links taxonomy terms to services only (link_entity service)")
        service_id = _required(row, "link_id")
        if service_id not in self.services:
            raise RowError("link_id is not a service of this package")
        term = self.terms.get(_required(row, "taxonomy_term_id"))
        if term is None:
            raise RowError("taxonomy_term_id is not a term of Haven's taxonomies")
        self.tagged.setdefault(service_id, []).append(term)

    @property
    def tagged(self) -> dict[uuid.UUID, list[hsds.Term]]:
        if not hasattr(self, "_tagged"):
            self._tagged: dict[uuid.UUID, list[hsds.Term]] = {}
        return self._tagged

    def finish(self) -> None:
        domains = {d.slug: d for d in vocabulary.domain_list()}
        attributes = {a.slug: a for a in vocabulary.attribute_list()}
        for service in Service.objects.filter(pk__in=list(self.services)).prefetch_related("domains", "attributes"):
            terms = self.tagged.get(service.pk, [])
            wanted_domains = {t.slug for t in terms if t.taxonomy.model is Domain}
            wanted_attributes = {t.slug for t in terms if t.taxonomy.model is Attribute}
            has_domains = {d.slug for d in service.domains.all()}
            has_attributes = {a.slug for a in service.attributes.all()}
            if (wanted_domains, wanted_attributes) != (has_domains, has_attributes):
                service.domains.set([domains[slug] for slug in sorted(wanted_domains)])
                service.attributes.set([attributes[slug] for slug in sorted(wanted_attributes)])
                self.summary.count("attribute", "updated")
            else:
                self.summary.count("attribute", "unchanged")
            modified = self.services[service.pk]
            if modified and hsds.timestamp(modified) != hsds.timestamp(service.updated_at):
                Service.objects.filter(pk=service.pk).update(updated_at=modified)
        directory_reindex()


def import_datapackage(folder: Path, *, progress: Callable[[int, int], None] | None = None) -> ImportSummary:
    """Import the package in ``folder`` in one transaction; raise ``ImportFailed`` (nothing changed) on any bad row."""
    if not folder.is_dir():
        raise ImportFailed([f"{folder}: not a folder"])
    tables = read_package(folder)
    with transaction.atomic():
        importer = Importer(tables, progress)
        summary = importer.run()
        if importer.errors:
            raise ImportFailed(importer.errors)
    content_changed()  # bulk writes send no signals: public pages kept in memory are renewed
    return summary
