"""Writes for the directory: staff edits, suggestions, verification, stale notices and the search index.

Every function takes keyword-only arguments, validates with ``full_clean`` and runs in one transaction.
Staff edits are audit-logged on the owning organisation's chain.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from accounts import selectors as account_selectors
from accounts.models import Organisation, User
from audit.services import Action, audit_log
from core.email import email_enqueue
from core.i18n import LANGUAGE_CODES, pick
from directory.models import (
    CostOption,
    Organization,
    Phone,
    RequiredDocument,
    Schedule,
    Service,
    ServiceLanguage,
    Suggestion,
    stable_id,
)
from search.services import document_delete, document_upsert
from vocabulary.models import Attribute, Domain

# --- Search index -------------------------------------------------------------------------------------


def service_url(slug: str, lang: str) -> str:
    return f"/{lang}/directory/service/{slug}/"


def organization_url(slug: str, lang: str) -> str:
    return f"/{lang}/directory/organisation/{slug}/"


def _service_countries(service: Service) -> set[str]:
    """The countries a service serves or has a public place in (its areas' countries and its places' cities')."""
    codes = {
        (area.region.country.code if area.region else area.country.code if area.country else "")
        for area in service.areas.all()  # type: ignore[attr-defined]
    }
    codes |= {
        place.location.city.region.country.code
        for place in service.service_at_locations.all()  # type: ignore[attr-defined]
        if not place.location.confidential and place.location.city
    }
    return {code.lower() for code in codes if code}


def _one_country(codes: set[str]) -> str:
    """The search document's country: the one country, or "" for none or several."""
    return next(iter(codes)) if len(codes) == 1 else ""


def _service_document(service: Service, lang: str) -> dict[str, str]:
    """Public text only: places are named only when they are not confidential, and never their address."""
    places = [
        place.location
        for place in service.service_at_locations.all()  # type: ignore[attr-defined]
        if not place.location.confidential
    ]
    body = [pick(service.how_to_reach, lang).text, pick(service.eligibility, lang).text, pick(service.cost, lang).text]
    body += [pick(doc.document, lang).text for doc in service.required_documents.all()]  # type: ignore[attr-defined]
    keywords = [pick(service.organization.name, lang).text]
    keywords += [pick(term.name, lang).text for term in service.domains.all()]
    keywords += [pick(term.name, lang).text for term in service.attributes.all()]
    areas = [area.region or area.country for area in service.areas.all()]  # type: ignore[attr-defined]
    keywords += [pick(area.name, lang).text for area in areas if area]
    keywords += [pick(place.name, lang).text for place in places]
    keywords += [pick(place.city.name, lang).text for place in places if place.city]
    return {
        "title": pick(service.name, lang).text,
        "summary": pick(service.description, lang).text,
        "body": "\n\n".join(text for text in body if text),
        "keywords": ", ".join(dict.fromkeys(word for word in keywords if word)),
        "url": service_url(service.slug, lang),
        "country": _one_country(_service_countries(service)),
    }


def _organization_document(organization: Organization, lang: str) -> dict[str, str]:
    public_services = [s for s in organization.services.all() if s.is_public]  # type: ignore[attr-defined]
    countries = {
        place.city.region.country.code.lower()
        for place in organization.locations.all()  # type: ignore[attr-defined]
        if not place.confidential and place.city
    }
    for service in public_services:
        countries |= _service_countries(service)
    return {
        "title": pick(organization.name, lang).text,
        "summary": pick(organization.description, lang).text,
        "body": "\n".join(pick(s.name, lang).text for s in public_services),
        "keywords": "",
        "url": organization_url(organization.slug, lang),
        "country": _one_country(countries),
    }


def _indexed_services() -> Any:
    return Service.objects.select_related("organization").prefetch_related(
        "domains",
        "attributes",
        "required_documents",
        "areas__region__country",
        "areas__country",
        "service_at_locations__location__city__region__country",
    )


def _indexed_organizations() -> Any:
    return Organization.objects.prefetch_related(
        Prefetch("services", queryset=_indexed_services()), "locations__city__region__country"
    )


def service_index(*, service: Service) -> None:
    if not service.is_public:
        document_delete(kind="service", key=service.slug)
        return
    service = _indexed_services().get(pk=service.pk)
    for lang in LANGUAGE_CODES:
        document_upsert(kind="service", key=service.slug, lang=lang, **_service_document(service, lang))


def organization_index(*, organization: Organization) -> None:
    organization = _indexed_organizations().get(pk=organization.pk)
    for lang in LANGUAGE_CODES:
        document_upsert(
            kind="organisation", key=organization.slug, lang=lang, **_organization_document(organization, lang)
        )


def directory_reindex() -> int:
    """Bring the search index in line with the directory (after a load or an import)."""
    count = 0
    for service in _indexed_services():
        if service.is_public:
            for lang in LANGUAGE_CODES:
                document_upsert(kind="service", key=service.slug, lang=lang, **_service_document(service, lang))
        else:
            document_delete(kind="service", key=service.slug)
        count += 1
    for organization in _indexed_organizations():
        for lang in LANGUAGE_CODES:
            document_upsert(
                kind="organisation", key=organization.slug, lang=lang, **_organization_document(organization, lang)
            )
        count += 1
    return count


# --- Staff edits ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PhoneInput:
    number: str
    description: dict[str, str] = field(default_factory=dict)
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class ScheduleInput:
    days: list[str]
    opens_at: time
    closes_at: time
    notes: dict[str, str] = field(default_factory=dict)
    service_at_location_id: uuid.UUID | None = None
    id: uuid.UUID | None = None


def _phones_replace(
    *, phones: list[PhoneInput], organization: Organization | None = None, service: Service | None = None
) -> None:
    existing = {p.pk: p for p in Phone.objects.filter(organization=organization, service=service)}
    kept = []
    for position, item in enumerate(phones):
        phone = existing.get(item.id) if item.id else None
        phone = phone or Phone(organization=organization, service=service)
        phone.number, phone.description, phone.position = item.number.strip(), item.description, position
        phone.full_clean()
        phone.save()
        kept.append(phone.pk)
    Phone.objects.filter(organization=organization, service=service).exclude(pk__in=kept).delete()


def _schedules_replace(*, service: Service, schedules: list[ScheduleInput]) -> None:
    existing = {s.pk: s for s in service.schedules.all()}  # type: ignore[attr-defined]
    places = set(service.service_at_locations.values_list("pk", flat=True))  # type: ignore[attr-defined]
    kept = []
    for position, item in enumerate(schedules):
        schedule = existing.get(item.id) if item.id else None
        schedule = schedule or Schedule(service=service)
        schedule.byday = ",".join(item.days)
        schedule.opens_at, schedule.closes_at, schedule.notes = item.opens_at, item.closes_at, item.notes
        schedule.service_at_location_id = item.service_at_location_id if item.service_at_location_id in places else None
        schedule.position = position
        schedule.full_clean()
        schedule.save()
        kept.append(schedule.pk)
    service.schedules.exclude(pk__in=kept).delete()  # type: ignore[attr-defined]


def cost_options_sync(*, service: Service) -> None:
    """A service marked free publishes one HSDS cost option of 0 EUR, described with its cost text."""
    free_id = stable_id("cost_option", str(service.pk), "free")
    if service.attributes.filter(slug="free").exists():
        CostOption.objects.update_or_create(
            id=free_id, defaults={"service": service, "option": service.cost, "amount": Decimal("0"), "currency": "EUR"}
        )
    else:
        CostOption.objects.filter(id=free_id).delete()


def organization_update(
    *,
    organization: Organization,
    actor: User,
    name: dict[str, str],
    description: dict[str, str],
    website: str,
    email: str,
    last_verified: date | None,
    phones: list[PhoneInput],
) -> Organization:
    with transaction.atomic():
        organization.name, organization.description = name, description
        organization.website, organization.email = website, email
        organization.last_verified = last_verified
        organization.edited_in_app = True
        organization.full_clean()
        organization.save()
        _phones_replace(phones=phones, organization=organization)
        audit_log(actor=actor, action=Action.UPDATE, target=organization, organisation_id=organization.owner_id)
        organization_index(organization=organization)
    return organization


def service_update(
    *,
    service: Service,
    actor: User,
    values: dict[str, Any],
    domains: list[Domain],
    attributes: list[Attribute],
    languages: list[str],
    phones: list[PhoneInput],
    schedules: list[ScheduleInput],
) -> Service:
    """Save what staff changed. ``values``: name, description, how_to_reach, eligibility, cost, documents,
    status, website, email, last_verified."""
    values = dict(values)
    documents = values.pop("documents", {}) or {}
    with transaction.atomic():
        for name, value in values.items():
            setattr(service, name, value)
        service.edited_in_app = True
        service.full_clean()
        service.save()
        service.domains.set(domains)
        service.attributes.set(attributes)
        service.languages.exclude(code__in=languages).delete()  # type: ignore[attr-defined]
        for code in languages:
            ServiceLanguage.objects.get_or_create(
                service=service, code=code, defaults={"id": stable_id("language", service.slug, code)}
            )
        document = service.required_documents.first()  # type: ignore[attr-defined]
        if documents:
            document = document or RequiredDocument(id=stable_id("required_document", service.slug), service=service)
            document.document = documents
            document.full_clean()
            document.save()
        elif document:
            service.required_documents.all().delete()  # type: ignore[attr-defined]
        _phones_replace(phones=phones, service=service)
        _schedules_replace(service=service, schedules=schedules)
        cost_options_sync(service=service)
        audit_log(actor=actor, action=Action.UPDATE, target=service, organisation_id=service.organization.owner_id)
        service_index(service=service)
        organization_index(organization=service.organization)
    return service


def listing_verify(*, listing: Organization | Service, actor: User, on: date | None = None) -> None:
    """Staff checked the listing against its sources today and nothing changed."""
    with transaction.atomic():
        listing.last_verified = on or timezone.localdate()
        listing.edited_in_app = True
        listing.full_clean()
        listing.save(update_fields=["last_verified", "edited_in_app", "updated_at"])
        owner_id = listing.owner_id if isinstance(listing, Organization) else listing.organization.owner_id
        audit_log(actor=actor, action=Action.UPDATE, target=listing, organisation_id=owner_id)


def owner_set(*, organization: Organization, owner: Organisation | None, actor: User) -> Organization:
    """A platform admin decides which Haven organisation keeps a listing current."""
    with transaction.atomic():
        organization.owner = owner
        organization.full_clean()
        organization.save(update_fields=["owner", "updated_at"])
        audit_log(actor=actor, action=Action.UPDATE, target=organization, organisation_id=None)
    return organization


# --- Suggestions ----------------------------------------------------------------------------------------


def suggestion_create(*, service: Service, text: str, language: str) -> Suggestion:
    with transaction.atomic():
        suggestion = Suggestion(
            service=service,
            text=text.strip(),
            language=language if language in LANGUAGE_CODES else settings.LANGUAGE_CODE,
            sent_on=timezone.localdate(),
        )
        suggestion.full_clean()
        suggestion.save()
    return suggestion


def suggestion_done(*, suggestion: Suggestion, actor: User) -> Suggestion:
    with transaction.atomic():
        suggestion.done_on, suggestion.done_by = timezone.localdate(), actor
        suggestion.full_clean()
        suggestion.save(update_fields=["done_on", "done_by"])
        audit_log(
            actor=actor,
            action=Action.UPDATE,
            target=suggestion,
            organisation_id=suggestion.service.organization.owner_id,
        )
    return suggestion


# --- Stale listings -------------------------------------------------------------------------------------


@dataclass
class StaleNotice:
    organisation: Organisation
    recipients: list[str]
    listings: list[str]


def stale_notices_enqueue(*, today: date | None = None, base_url: str = "") -> list[StaleNotice]:
    """Email each admin of each owning organisation the list of its listings not verified for six months.

    ``base_url`` (like https://haven.example) makes the link in the email absolute."""
    from directory.selectors import stale_listings

    today = today or timezone.localdate()
    notices = []
    by_owner: dict[int, list[Organization | Service]] = {}
    for listing in stale_listings(today=today):
        owner_id = listing.owner_id if isinstance(listing, Organization) else listing.organization.owner_id
        if owner_id:
            by_owner.setdefault(owner_id, []).append(listing)
    for owner in account_selectors.active_organisations().filter(pk__in=by_owner):
        notice = StaleNotice(owner, [], [])
        for admin in account_selectors.admins_of(organisation=owner):
            titles = [f"{pick(item.name, admin.language).text}" for item in by_owner[owner.pk]]
            email_enqueue(
                to=admin.email,
                template="directory/email/stale",
                context={
                    "name": admin.name,
                    "organisation": owner.name,
                    "listings": titles,
                    "count": len(titles),
                    "link": f"{base_url.rstrip('/')}/{admin.language}/directory/manage/org/{owner.slug}/",
                },
                language=admin.language,
            )
            notice.recipients.append(admin.email)
            notice.listings = titles
        notices.append(notice)
    return notices


def organization_demo_listing(*, owner: Organisation, slug: str, name: Any, description: Any) -> Organization:
    """The made-up listing of a demo organisation, owned by it so that its admin can try editing (demo data only)."""
    with transaction.atomic():
        organization = Organization.objects.filter(slug=slug).first()
        if organization is None:
            organization = Organization(slug=slug, name=name, description=description)
        organization.owner = owner
        organization.full_clean()
        organization.save()
    return organization
