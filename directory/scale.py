"""National-scale directory data for benchmarks: thousands of organizations and services with places, schedules,
languages, areas and search documents, made with bulk inserts in a few minutes.

Text is varied, not copied: names are built from the vocabulary's terms, kinds of place, invented names and
cities; descriptions are sentences drawn at random from a pool of words in each language. Every generated row's
slug starts with ``SCALE_PREFIX`` so that a new run (or ``clear``) removes only generated rows. Never for a
production database: the command refuses it.
"""

from __future__ import annotations

import random
from datetime import time
from typing import Any

from django.db import transaction

from core.i18n import LANGUAGE_CODES
from directory.models import (
    DAY_CODES,
    Location,
    Organization,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceLanguage,
    Status,
)
from directory.services import _indexed_services, _service_document
from search.models import Document, Kind
from search.services import document_delete_many, documents_bulk_create
from vocabulary import selectors as vocabulary

SCALE_PREFIX = "scale-"
BATCH = 2000

KINDS = [
    {"en": "Centre", "nl": "Centrum", "fr": "Centre"},
    {"en": "Helpdesk", "nl": "Hulppunt", "fr": "Permanence"},
    {"en": "Drop-in", "nl": "Inloophuis", "fr": "Accueil de jour"},
    {"en": "Clinic", "nl": "Kliniek", "fr": "Clinique"},
    {"en": "Advice service", "nl": "Adviesdienst", "fr": "Service de conseil"},
    {"en": "Shelter", "nl": "Opvang", "fr": "Hébergement"},
    {"en": "Outreach team", "nl": "Outreachteam", "fr": "Équipe de terrain"},
    {"en": "Legal clinic", "nl": "Rechtswinkel", "fr": "Boutique de droit"},
    {"en": "Counselling", "nl": "Begeleiding", "fr": "Accompagnement"},
    {"en": "Community house", "nl": "Buurthuis", "fr": "Maison de quartier"},
]
SYLLABLES = "ka lo mi ra ve do su ne ti pa zo li be ma ro sa fe gu ni de la vo ri ta me".split()  # noqa: SIM905
WORDS = {
    "en": "help advice support free confidential appointment walk in phone health rights housing money debt work "
    "training residence permit doctor nurse test vaccine counselling lawyer court police report violence safety "
    "shelter night day week family children language interpreter social worker income benefit insurance tax "
    "contract employer exit plan community peer group meeting online chat email visit street outreach harm "
    "reduction condoms clinic hospital mental wellbeing stress trauma migration papers documents registration",
    "nl": "hulp advies steun gratis vertrouwelijk afspraak binnenlopen telefoon gezondheid rechten wonen geld schulden "
    "werk opleiding verblijf vergunning dokter verpleegkundige test vaccin begeleiding advocaat rechtbank politie "
    "aangifte geweld veiligheid opvang nacht dag week gezin kinderen taal tolk maatschappelijk werker inkomen "
    "uitkering verzekering belasting contract werkgever uitstap plan gemeenschap lotgenoten groep online chat "
    "bezoek straat schadebeperking condooms kliniek ziekenhuis mentaal welzijn stress trauma migratie papieren",
    "fr": "aide conseil soutien gratuit confidentiel rendez-vous sans téléphone santé droits logement argent dettes "
    "travail formation séjour permis médecin infirmière dépistage vaccin accompagnement avocat tribunal police "
    "plainte violence sécurité hébergement nuit jour semaine famille enfants langue interprète assistante sociale "
    "revenu allocation assurance impôt contrat employeur sortie projet communauté pairs groupe chat visite rue "
    "réduction risques préservatifs clinique hôpital mentale bien-être stress traumatisme migration papiers",
}
SPOKEN = ["nl", "fr", "en", "ar", "es", "pt", "ro", "bg", "hu", "th", "zh", "ru", "uk", "tr", "pl", "sw"]


def sentences(rng: random.Random, lang: str, count: int) -> str:
    words = WORDS[lang].split()
    out = []
    for _ in range(count):
        chosen = rng.sample(words, rng.randint(6, 12))
        out.append(" ".join(chosen).capitalize() + ".")
    return " ".join(out)


def invented_name(rng: random.Random) -> str:
    return "".join(rng.sample(SYLLABLES, rng.randint(2, 3))).capitalize()


def clear() -> None:
    """Remove every generated row (and its search documents)."""
    with transaction.atomic():
        slugs = list(Service.objects.filter(slug__startswith=SCALE_PREFIX).values_list("slug", flat=True))
        document_delete_many(kind=Kind.SERVICE, keys=slugs)
        Organization.objects.filter(slug__startswith=SCALE_PREFIX).delete()  # cascades to services and places


def generate(*, services: int, seed: int = 1, progress: Any = None) -> int:
    """``services`` services (about eight per organization), each with a place (most), schedules, languages,
    life domains, attributes and an area, and their search documents in three languages."""
    rng = random.Random(seed)  # noqa: S311 (made-up data, reproducible from its seed)
    clear()
    domains, attributes = list(vocabulary.domain_list()), list(vocabulary.attribute_list())
    cities = list(vocabulary.city_list().select_related("region__country"))
    regions = list(vocabulary.region_list())
    organizations: list[Organization] = []
    locations: list[Location] = []
    for number in range((services + 7) // 8):
        base = invented_name(rng)
        organizations.append(
            Organization(
                slug=f"{SCALE_PREFIX}org-{number:05d}",
                name={lang: f"{base} {rng.choice(KINDS)[lang]}" for lang in LANGUAGE_CODES},
                description={lang: sentences(rng, lang, 2) for lang in LANGUAGE_CODES},
                last_verified=None,
            )
        )
    with transaction.atomic():
        Organization.objects.bulk_create(organizations, batch_size=BATCH)
        for org_number, organization in enumerate(organizations):
            for number in range(rng.randint(1, 2)):
                city = rng.choice(cities)
                locations.append(
                    Location(
                        organization=organization,
                        slug=f"{SCALE_PREFIX}loc-{org_number:05d}-{number}",
                        name={"en": f"{organization.name['en']} {city.name['en']}"},
                        confidential=rng.random() < 0.05,
                        address=f"{invented_name(rng)}straat {rng.randint(1, 200)}",
                        postal_code=str(rng.randint(1000, 9999)),
                        city=city,
                    )
                )
        Location.objects.bulk_create(locations, batch_size=BATCH)
        by_org: dict[Any, list[Location]] = {}
        for location in locations:
            by_org.setdefault(location.organization_id, []).append(location)
        rows: list[Service] = []
        for number in range(services):
            organization = organizations[number // 8]
            kind, domain = rng.choice(KINDS), rng.choice(domains)
            city = rng.choice(cities)
            rows.append(
                Service(
                    slug=f"{SCALE_PREFIX}svc-{number:05d}",
                    organization=organization,
                    name={
                        lang: f"{kind[lang]} {domain.name.get(lang, '')} {city.name.get(lang) or city.name['en']}"
                        for lang in LANGUAGE_CODES
                        if lang != "fr" or rng.random() < 0.9  # some have no French name: fallbacks are shown
                    },
                    description={lang: sentences(rng, lang, rng.randint(1, 3)) for lang in LANGUAGE_CODES},
                    how_to_reach={lang: sentences(rng, lang, 1) for lang in LANGUAGE_CODES},
                    eligibility={lang: sentences(rng, lang, 1) for lang in LANGUAGE_CODES},
                    status=rng.choices([Status.ACTIVE, Status.TEMPORARILY_CLOSED, Status.INACTIVE], weights=[90, 5, 5])[
                        0
                    ],
                )
            )
        Service.objects.bulk_create(rows, batch_size=BATCH)
        places: list[ServiceAtLocation] = []
        schedules: list[Schedule] = []
        languages: list[ServiceLanguage] = []
        areas: list[ServiceArea] = []
        domain_links: list[Any] = []
        attribute_links: list[Any] = []
        for service in rows:
            place: ServiceAtLocation | None = None
            if rng.random() < 0.85:
                place = ServiceAtLocation(service=service, location=rng.choice(by_org[service.organization_id]))
                places.append(place)
            for position in range(rng.randint(0, 3)):
                opens = rng.choice([7, 8, 9, 10, 13, 18, 22])
                closes = (opens + rng.choice([3, 4, 8, 10])) % 24
                schedules.append(
                    Schedule(
                        service=service,
                        service_at_location=place if place and rng.random() < 0.5 else None,
                        byday=",".join(sorted(rng.sample(DAY_CODES, rng.randint(1, 7)), key=DAY_CODES.index)),
                        opens_at=time(opens),
                        closes_at=time(closes),
                        position=position,
                    )
                )
            for code in rng.sample(SPOKEN[:3], rng.randint(1, 3)) + rng.sample(SPOKEN[3:], rng.randint(0, 2)):
                languages.append(ServiceLanguage(service=service, code=code))
            region = rng.choice(regions)
            areas.append(ServiceArea(service=service, region=region))
            for domain in rng.sample(domains, rng.randint(1, 3)):
                domain_links.append(Service.domains.through(service=service, domain=domain))
            for attribute in rng.sample(attributes, rng.randint(0, 3)):
                attribute_links.append(Service.attributes.through(service=service, attribute=attribute))
        ServiceAtLocation.objects.bulk_create(places, batch_size=BATCH)
        Schedule.objects.bulk_create(schedules, batch_size=BATCH)
        ServiceLanguage.objects.bulk_create(languages, batch_size=BATCH)
        ServiceArea.objects.bulk_create(areas, batch_size=BATCH)
        Service.domains.through.objects.bulk_create(domain_links, batch_size=BATCH)
        Service.attributes.through.objects.bulk_create(attribute_links, batch_size=BATCH)
        if progress:
            progress(f"{len(organizations)} organizations, {len(rows)} services, {len(schedules)} schedules")
        count = index_generated()
        if progress:
            progress(f"{count} search documents")
    return len(rows)


def index_generated() -> int:
    """The search documents of the generated public services, in bulk."""
    documents = []
    public = _indexed_services().filter(slug__startswith=SCALE_PREFIX, status__in=[Status.ACTIVE])
    for service in public.iterator(chunk_size=BATCH):
        for lang in LANGUAGE_CODES:
            documents.append(
                Document(kind=Kind.SERVICE, key=service.slug, lang=lang, **_service_document(service, lang))
            )
    return documents_bulk_create(documents)
