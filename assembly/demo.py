"""A small general assembly for demo-outreach, in three languages: voting open for the demo active member, and
last year's assembly closed with its results. Refused in production; safe to run again."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.selectors import organisation_by_slug, user_by_email
from assembly import services
from assembly.models import Assembly, DocumentKind, Majority, OptionRole, QuestionKind
from core.scopes import scope
from members.selectors import active_members

T = dict[str, str]

TITLE: T = {"nl": "Algemene vergadering {year}", "fr": "Assemblée générale {year}", "en": "General assembly {year}"}
PLACE: T = {
    "nl": "Online en in het lokaal van de vereniging",
    "fr": "En ligne et au local de l'association",
    "en": "Online and at the association's room",
}
INTRO: T = {
    "nl": "Demo: verzonnen om Haven uit te proberen. Actieve leden stemmen over het jaarverslag, het financieel "
    "verslag en de nieuwe raad van bestuur.",
    "fr": "Démo : inventée pour essayer Haven. Les membres actif·ves votent sur le rapport annuel, le rapport "
    "financier et le nouveau conseil d'administration.",
    "en": "Demo: made up for trying Haven. Active members vote on the annual report, the financial report and the "
    "new board.",
}
AGENDA: tuple[T, ...] = (
    {"nl": "Welkom en aanwezigheden", "fr": "Accueil et présences", "en": "Welcome and attendance"},
    {"nl": "Jaarverslag", "fr": "Rapport annuel", "en": "Annual report"},
    {"nl": "Financieel verslag", "fr": "Rapport financier", "en": "Financial report"},
    {"nl": "Verkiezing van de raad van bestuur", "fr": "Élection du conseil d'administration", "en": "Board election"},
)
ANNUAL: T = {"nl": "Jaarverslag (demo)", "fr": "Rapport annuel (démo)", "en": "Annual report (demo)"}
ANNUAL_BODY: T = {
    "nl": "Een verzonnen verslag: wat de vereniging dit jaar deed, met wie, en wat er volgend jaar komt.",
    "fr": "Un rapport inventé : ce que l'association a fait cette année, avec qui, et ce qui vient l'an prochain.",
    "en": "A made-up report: what the association did this year, with whom, and what comes next year.",
}
FINANCIAL: T = {"nl": "Financieel verslag (demo)", "fr": "Rapport financier (démo)", "en": "Financial report (demo)"}
FINANCIAL_BODY: T = {
    "nl": "Verzonnen cijfers, alleen om het scherm te tonen.",
    "fr": "Des chiffres inventés, seulement pour montrer l'écran.",
    "en": "Made-up figures, only to show the screen.",
}
APPROVE_ANNUAL: T = {
    "nl": "Keur je het jaarverslag goed?",
    "fr": "Approuvez-vous le rapport annuel ?",
    "en": "Do you approve the annual report?",
}
APPROVE_FINANCIAL: T = {
    "nl": "Keur je het financieel verslag goed?",
    "fr": "Approuvez-vous le rapport financier ?",
    "en": "Do you approve the financial report?",
}
BOARD: T = {"nl": "Nieuwe raad van bestuur", "fr": "Nouveau conseil d'administration", "en": "New board"}
MINUTES: T = {
    "nl": "Demo-notulen: de vergadering keurde beide verslagen goed en verkoos de raad van bestuur.",
    "fr": "Procès-verbal de démo : l'assemblée a approuvé les deux rapports et élu le conseil d'administration.",
    "en": "Demo minutes: the assembly approved both reports and elected the board.",
}


def _prepare(organisation, admin: User, year: int, starts) -> Assembly:  # type: ignore[no-untyped-def]
    assembly = services.assembly_create(
        organisation=organisation,
        actor=admin,
        title={k: v.format(year=year) for k, v in TITLE.items()},
        starts_at=starts,
        place=PLACE,
        introduction=INTRO,
        max_proxies=1,
        quorum_percent=25,
    )
    for item in AGENDA:
        services.agenda_item_add(assembly=assembly, actor=admin, title=item, body={})
    services.document_add(
        assembly=assembly, actor=admin, kind=DocumentKind.ANNUAL_REPORT, title=ANNUAL, body=ANNUAL_BODY
    )
    services.document_add(
        assembly=assembly, actor=admin, kind=DocumentKind.FINANCIAL_REPORT, title=FINANCIAL, body=FINANCIAL_BODY
    )
    for title in (APPROVE_ANNUAL, APPROVE_FINANCIAL):
        services.question_add(
            assembly=assembly,
            actor=admin,
            kind=QuestionKind.MOTION,
            title=title,
            description={},
            majority=Majority.SIMPLE,
        )
    services.question_add(
        assembly=assembly,
        actor=admin,
        kind=QuestionKind.ELECTION,
        title=BOARD,
        description={},
        majority=Majority.SIMPLE,
        seats=1,
    )
    return assembly


def seed_demo() -> str:
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Demo data is never created in production.")
    organisation = organisation_by_slug("demo-outreach")
    admin = user_by_email("admin@example.org")
    if organisation is None or admin is None:
        return "assembly: no demo organisation"
    with scope(organisation=organisation), transaction.atomic():
        if Assembly.objects.exists():
            return "assembly: already there"
        members = active_members(organisation)
        if len(members) < 2:
            return "assembly: needs the demo members first"
        by_name = {m.pseudonym: m for m in members}
        robin = next((m for name, m in by_name.items() if name.startswith("Robin")), members[0])
        camille = next((m for name, m in by_name.items() if name.startswith("Camille")), members[1])
        now = timezone.now()
        # Last year's assembly: closed, with a few votes and its results.
        past = _prepare(organisation, admin, now.year - 1, now - timedelta(days=330))
        services.assembly_announce(assembly=past, actor=admin)
        election = past.questions.get(kind=QuestionKind.ELECTION)
        services.candidacy_stand(question=election, member=robin, statement="")
        services.assembly_open(assembly=past, actor=admin)
        for question in past.questions.all():
            for voter in (robin, camille):
                role = OptionRole.CANDIDATE if question.kind == QuestionKind.ELECTION else OptionRole.YES
                services.ballot_cast(question=question, option=question.options.get(role=role), member=voter)
        services.minutes_save(assembly=past, actor=admin, minutes=MINUTES)
        services.assembly_close(assembly=past, actor=admin)
        # This year's: voting open; Camille stands for the board; Robin (the demo member) can vote.
        current = _prepare(organisation, admin, now.year, now + timedelta(days=7))
        services.assembly_announce(assembly=current, actor=admin)
        services.candidacy_stand(
            question=current.questions.get(kind=QuestionKind.ELECTION),
            member=camille,
            statement="Je veux que la voix des travailleur·euses du sexe compte au conseil.",
        )
        services.assembly_open(assembly=current, actor=admin)
    return "assembly: two general assemblies for demo-outreach (one open, one closed)"
