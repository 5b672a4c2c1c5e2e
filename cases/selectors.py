"""Reads of case management, always inside the organisation's scope (views run in it).

Lists (dashboard, case list, inbox) show references, dates, statuses and vocabulary only: no decrypted text, so
they cost the same few queries whatever their length and show nothing personal over a shoulder. Names and notes
are decrypted on the case page only (each encrypted value is one key lookup by ``crypto``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from accounts.models import Organisation, Role, User
from accounts.selectors import members_of
from cases.models import (
    Assessment,
    Case,
    CaseSettings,
    CaseStatus,
    Consent,
    Contact,
    FollowUpStatus,
    Goal,
    IncomingReferral,
    Need,
    PlanAction,
    Profile,
    PurgeRecord,
    ReferralStatus,
    SubBranch,
)
from core.i18n import pick
from directory import selectors as directory
from directory.models import Service
from vocabulary.models import City, Domain, Region
from vocabulary.selectors import city_list, domain_list, region_list

UPCOMING_DAYS = 14
CONTACTS_SHOWN = 20


def today() -> date:
    return timezone.localdate()


def visible_cases(*, user: User) -> QuerySet[Case]:
    """The organisation's cases this worker may open: every unrestricted one, and restricted ones they work on."""
    return Case.objects.filter(Q(restricted=False) | Q(assignments__worker=user)).distinct()


def case_for(*, user: User, pk: int) -> Case | None:
    return (
        visible_cases(user=user)
        .select_related("client", "client__region", "client__duup_centre", "profile", "lead")
        .filter(pk=pk)
        .first()
    )


def is_assigned(*, case: Case, user: User) -> bool:
    return case.assignments.filter(worker=user).exists()


@dataclass(frozen=True)
class CaseRow:
    """One line of a worker's list: what the dashboard shows of a case, and nothing encrypted."""

    pk: int
    reference: str
    opened_on: date
    sub_branch: str  # the label, in the current language, or ""
    open_actions: int


@dataclass(frozen=True)
class ActionRow:
    case_id: int
    reference: str
    domain: str  # the life domain's name, in the current language
    due_on: date


@dataclass
class Dashboard:
    my_cases: list[CaseRow]
    overdue: list[ActionRow]
    upcoming: list[ActionRow]
    follow_ups: list[Any]
    new_referrals: list[IncomingReferral]


def dashboard(*, user: User) -> Dashboard:
    """A worker's day: their open cases, actions overdue and due soon, check-ins due, referrals to answer.

    The lists are read as plain values, not model instances: a worker may lead a few hundred cases, and building
    and rendering that many rows with their clients, goals and domains took most of the page's time
    (docs/performance.md). Nothing encrypted is read."""
    now = today()
    sub_branches = dict(SubBranch.choices)
    mine = [
        CaseRow(pk, reference, opened_on, str(sub_branches.get(sub_branch, "")), open_actions)
        for pk, reference, opened_on, sub_branch, open_actions in (
            Case.objects.filter(status=CaseStatus.OPEN, assignments__worker=user)
            .annotate(open_actions=Count("actions", filter=Q(actions__done_on__isnull=True)))
            .order_by("client__reference")
            .values_list("pk", "client__reference", "opened_on", "client__sub_branch", "open_actions")
        )
    ]
    actions = (
        PlanAction.objects.filter(done_on__isnull=True, case__status=CaseStatus.OPEN)
        .filter(Q(owner=user) | Q(owner__isnull=True, case__assignments__worker=user))
        .distinct()
    )

    def rows(found: QuerySet[PlanAction]) -> list[ActionRow]:
        values = found.values_list(
            "case_id", "case__client__reference", "goal__domain__name", "goal__domain__slug", "due_on", "id"
        )[:50]
        return [  # the domain's name as Domain.__str__ gives it
            ActionRow(case, reference, pick(name).text or slug, due) for case, reference, name, slug, due, _ in values
        ]

    overdue = rows(actions.filter(due_on__lt=now).order_by("due_on", "id"))
    upcoming = rows(
        actions.filter(due_on__gte=now, due_on__lte=now + timedelta(days=UPCOMING_DAYS)).order_by("due_on", "id")
    )
    from cases.models import FollowUp

    follow_ups = list(
        FollowUp.objects.filter(
            status=FollowUpStatus.PLANNED,
            due_on__lte=now + timedelta(days=UPCOMING_DAYS),
            case__assignments__worker=user,
        )
        .select_related("case__client")
        .distinct()[:50]
    )
    new_referrals = list(IncomingReferral.objects.filter(status=ReferralStatus.SENT).order_by("received_on", "id")[:50])
    return Dashboard(mine, overdue, upcoming, follow_ups, new_referrals)


def case_list(*, user: User, status: str = CaseStatus.OPEN) -> QuerySet[Case]:
    return (
        visible_cases(user=user)
        .filter(status=status)
        .select_related("client", "lead", "profile")
        .order_by("client__reference")
    )


@dataclass
class CasePage:
    case: Case
    consents: list[Consent]
    assessments: list[Assessment]
    goals: list[Goal]
    contacts: list[Contact]
    contact_count: int
    workers: list[User]


def case_page(*, case: Case) -> CasePage:
    consents = list(case.consents.prefetch_related("services").order_by("-given_on", "-id"))
    assessments = list(
        case.assessments.prefetch_related(Prefetch("needs", queryset=Need.objects.select_related("domain")))
    )
    goals = list(
        case.goals.select_related("domain").prefetch_related(
            Prefetch("actions", queryset=PlanAction.objects.select_related("owner"))
        )
    )
    contacts = list(case.contacts.select_related("worker")[:CONTACTS_SHOWN])
    contact_count = len(contacts) if len(contacts) < CONTACTS_SHOWN else case.contacts.count()
    workers = [assignment.worker for assignment in case.assignments.select_related("worker").order_by("worker__name")]
    return CasePage(case, consents, assessments, goals, contacts, contact_count, workers)


def incoming(*, pk: int) -> IncomingReferral | None:
    return IncomingReferral.objects.filter(pk=pk).first()


def inbox() -> QuerySet[IncomingReferral]:
    return IncomingReferral.objects.order_by("-received_on", "-id")


def case_workers(*, organisation: Organisation) -> list[User]:
    """The organisation's caseworkers and admins, each once, by name."""
    seen: dict[int, User] = {}
    for membership in members_of(organisation=organisation).filter(role__in=[Role.CASEWORKER, Role.ADMIN]):
        seen.setdefault(membership.user_id, membership.user)
    return [user for user in seen.values() if user.is_active]


def case_settings(*, organisation: Organisation) -> CaseSettings:
    return CaseSettings.objects.filter(organisation=organisation).first() or CaseSettings(organisation=organisation)


def profiles(*, active_only: bool = True) -> QuerySet[Profile]:
    found = Profile.objects.all()
    return found.filter(is_active=True) if active_only else found


def purge_records() -> QuerySet[PurgeRecord]:
    return PurgeRecord.objects.all()[:20]


# --- Vocabulary and directory, for forms -----------------------------------------------------------


def domains() -> QuerySet[Domain]:
    return domain_list()


def regions() -> QuerySet[Region]:
    return region_list()


def duup_centres() -> QuerySet[City]:
    """Dutch cities; the DUUP region is named by its centre municipality (taxonomy.md: entered by an admin)."""
    return city_list().filter(region__country__code="NL")


def referral_services(*, lang: str) -> QuerySet[Service]:
    return directory.ordered_by_name(directory.public_services().select_related("organization"), lang)


def service_by_pk(pk: Any) -> Service | None:
    return directory.public_services().select_related("organization__owner").filter(pk=pk).first()
