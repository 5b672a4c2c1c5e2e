"""Demo clients for `make run`: a few made-up, pseudonymous people in the two demo organisations, in three
languages (the notes are in the language the worker would write in). Refused in production; run again, it adds
nothing to an organisation that already has clients."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from accounts.models import Role, User
from accounts.selectors import members_of, organisation_by_slug
from cases import services
from cases.models import Client, ContactKind, ContactRoute, NeedStatus, Outcome, Purpose, SharedItem, SubBranch
from cases.selectors import referral_services
from core.scopes import scope
from vocabulary.selectors import domains_with_slugs

U, S, W, M, N = NeedStatus.URGENT, NeedStatus.SERIOUS, NeedStatus.WORKING, NeedStatus.MOSTLY, NeedStatus.NONE

DEMO_CLIENTS: dict[str, list[dict[str, Any]]] = {
    "demo-exit": [
        {
            "working_name": "Lotte",
            "route": ContactRoute.FIELDWORK_OFFLINE,
            "branch": SubBranch.WINDOW,
            "languages": ["nl"],
            "region": "flanders",
            "days": 150,
            "motives": "Begon om snel schulden af te lossen. Wil nu een vaste baan en een eigen huurcontract.",
            "needs": [{"housing": U, "debt": S, "work": S}, {"housing": W, "debt": W, "work": S}],
            "goal": ("work", "Een opleiding tot kapper starten"),
            "action": "Samen het inschrijfformulier invullen",
            "contact": (ContactKind.IN_PERSON, 60, "Gesprek op kantoor over de opleiding en het budget."),
        },
        {
            "working_name": "Inès",
            "route": ContactRoute.OTHER_AGENCY,
            "branch": SubBranch.ESCORT_INDEPENDENT,
            "languages": ["fr", "nl"],
            "region": "brussels",
            "days": 400,
            "motives": "A commencé pendant ses études. Souhaite arrêter depuis une nouvelle relation.",
            "needs": [{"income": S, "mental-health": W}, {"income": M, "mental-health": M}],
            "goal": ("income", "Obtenir une allocation en attendant un emploi"),
            "action": "Prendre rendez-vous au CPAS",
            "contact": (ContactKind.PHONE, 20, "Appel pour préparer le rendez-vous au CPAS."),
            "close": Outcome.EXITED,
        },
    ],
    "demo-outreach": [
        {
            "working_name": "Rosa",
            "route": ContactRoute.FIELDWORK_ONLINE,
            "branch": SubBranch.ONLINE,
            "languages": ["en", "ro"],
            "region": "brussels",
            "days": 40,
            "motives": "Works online to pay for her family's rent. Asked about health insurance and her rights.",
            "needs": [{"health": S, "legal": S, "residence": U}],
            "goal": ("legal", "Understand her rights as a self-employed worker"),
            "action": "Book an appointment with a legal advice service",
            "contact": (ContactKind.ONLINE, 30, "Chat after an online outreach round; will call next week."),
        },
        {
            "working_name": "Sami",
            "route": ContactRoute.PEER,
            "branch": SubBranch.STREET,
            "languages": ["fr", "ar"],
            "region": "brussels",
            "days": 90,
            "motives": "Travaille dans la rue depuis deux ans. Cherche d'abord un logement stable.",
            "needs": [{"housing": U, "safety": S}, {"housing": S, "safety": W}],
            "goal": ("housing", "Trouver une place en logement d'urgence"),
            "action": "Appeler le service d'hébergement le matin",
            "contact": (ContactKind.OUTREACH, 15, "Rencontré pendant la tournée du soir, orienté vers l'accueil."),
        },
    ],
}


def _caseworker(organisation: Any) -> User | None:
    with scope(organisation=organisation):
        for membership in members_of(organisation=organisation).filter(role=Role.CASEWORKER):
            return membership.user
    return None


def _seed_client(organisation: Any, worker: User, spec: dict[str, Any]) -> None:
    from vocabulary.selectors import region_by_slug

    today = timezone.localdate()
    opened = today - timedelta(days=spec["days"])
    case = services.client_create(
        organisation=organisation,
        actor=worker,
        working_name=spec["working_name"],
        contact_route=spec["route"],
        sub_branch=spec["branch"],
        languages=spec["languages"],
        region=region_by_slug(spec["region"]),
        opened_on=opened,
        profile=services.profiles_ensure(organisation=organisation)[0],
        start_motives=spec["motives"],
    )
    for number, needs in enumerate(spec["needs"]):
        services.assessment_create(
            case=case,
            actor=worker,
            assessed_on=opened + timedelta(days=number * spec["days"] // 2),
            note="",
            needs={slug: (status, "") for slug, status in needs.items()},
        )
    domain_slug, title = spec["goal"]
    goal = services.goal_create(case=case, actor=worker, domain=domains_with_slugs([domain_slug]).get(), title=title)
    services.action_create(
        goal=goal, actor=worker, description=spec["action"], owner=worker, due_on=today + timedelta(days=5)
    )
    services.action_create(
        goal=goal, actor=worker, description=spec["action"] + " (2)", owner=None, due_on=today - timedelta(days=2)
    )
    kind, minutes, notes = spec["contact"]
    services.contact_log(
        case=case, actor=worker, happened_on=today - timedelta(days=3), kind=kind, minutes=minutes, notes=notes
    )
    services.consent_record(
        case=case,
        actor=worker,
        purposes=[Purpose.CASEWORK, Purpose.REFERRAL],
        shared_items=[SharedItem.WORKING_NAME, SharedItem.NEEDS, SharedItem.NOTES],
        any_service=True,
        services=[],
        note="",
        given_on=opened,
        valid_until=today + timedelta(days=300),
    )
    service = referral_services(lang="en").first()
    if service is not None:
        services.referral_send(case=case, actor=worker, service=service, items=[SharedItem.WORKING_NAME], message="")
    if spec.get("close"):
        services.case_close(
            case=case,
            actor=worker,
            expected_version=case.version,
            outcome=spec["close"],
            closed_on=today - timedelta(days=20),
            note="",
            follow_up=True,
        )


def demo_seed() -> str:
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Demo cases are never created in production.")
    created = 0
    for slug, specs in DEMO_CLIENTS.items():
        organisation = organisation_by_slug(slug)
        worker = _caseworker(organisation) if organisation else None
        if organisation is None or worker is None:
            continue
        with scope(organisation=organisation), transaction.atomic():
            if Client.objects.exists():
                continue
            for spec in specs:
                _seed_client(organisation, worker, spec)
                created += 1
    return f"{created} demo clients created"
