"""Reads for general assemblies."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.access import organisations_of
from accounts.models import Organisation, Role, User
from assembly import tally, trackers
from assembly.models import (
    Assembly,
    Ballot,
    Candidacy,
    Option,
    OptionRole,
    Participation,
    Proxy,
    Question,
    Receipt,
    RoomCount,
    Status,
)
from core.registry import StaffLink
from core.scopes import scope
from members.models import Member

VISIBLE_TO_MEMBERS = (Status.ANNOUNCED, Status.OPEN, Status.CLOSED)


def staff_links(user: User) -> list[StaffLink]:
    return [
        StaffLink(
            reverse("assembly:staff-list", kwargs={"org": org.slug}),
            _("General assemblies: %(organisation)s") % {"organisation": org.name},
        )
        for org in organisations_of(user, roles=[Role.ADMIN])
    ]


def assemblies_for_staff(organisation: Organisation) -> QuerySet[Assembly]:
    return Assembly.objects.all()


def assemblies_for_member(member: Member) -> list[Assembly]:
    with scope(organisation=member.organisation_id):
        return list(Assembly.objects.filter(status__in=VISIBLE_TO_MEMBERS))


def option_label(option: Option) -> str:
    if option.role == OptionRole.CANDIDATE:
        return option.label or _("A former member")
    if option.role == OptionRole.ABSTAIN and option.question.kind == "election":
        return _("Blank vote")
    return str(OptionRole(option.role).label)


def question_lines(question: Question) -> list[tally.Line]:
    online = Counter(Ballot.objects.filter(question=question).values_list("option_id", flat=True))
    room = dict(RoomCount.objects.filter(question=question).values_list("option_id", "count"))
    return [
        tally.Line(option.pk, option.role, option.label, online.get(option.pk, 0), room.get(option.pk, 0))
        for option in question.options.all()
    ]


def proxies_held(assembly: Assembly, member: Member) -> list[Member]:
    return [proxy.giver for proxy in Proxy.objects.filter(assembly=assembly, holder=member).select_related("giver")]


def proxy_given(assembly: Assembly, member: Member) -> Proxy | None:
    return Proxy.objects.filter(assembly=assembly, giver=member).select_related("holder").first()


def has_voted(question: Question, member: Member) -> bool:
    return Participation.objects.filter(question=question, member=member).exists()


def bulletin(question: Question) -> list[str]:
    """The receipts of a question, sorted by hash (never by the order of voting)."""
    return list(
        Receipt.objects.filter(question=question).order_by("tracker_hash").values_list("tracker_hash", flat=True)
    )


def receipt_found(question: Question, typed: str) -> bool | None:
    """True if the tracker's hash is on the bulletin, False if not, None if the text cannot be a tracker."""
    tracker = trackers.normalize(typed)
    if not tracker:
        return None
    return Receipt.objects.filter(question=question, tracker_hash=trackers.tracker_hash(tracker)).exists()


def result_rows(question: Question) -> list[dict[str, Any]]:
    """The published count, with labels in the reader's language."""
    rows = []
    elected = set(question.result.get("elected", []))
    options = {option.pk: option for option in question.options.all()}
    for line in question.result.get("options", []):
        option = options.get(line["id"])
        label = option_label(option) if option else ""
        rows.append({**line, "label": label, "elected": line["id"] in elected})
    return rows


def public_assembly(organisation: Organisation, pk: int) -> Assembly | None:
    with scope(organisation=organisation):
        return Assembly.objects.filter(pk=pk, status=Status.CLOSED).first()


def participation_count(question: Question) -> int:
    return Participation.objects.filter(question=question).count()


def member_export_part(member: Member) -> dict[str, Any]:
    """A member's part in assemblies, for their export: never what they voted."""
    with scope(organisation=member.organisation_id):
        return {
            "candidacies": [
                {"election": str(c.question), "statement": c.statement, "withdrawn": c.withdrawn}
                for c in Candidacy.objects.filter(member=member).select_related("question")
            ],
            "proxies_given_to": [
                str(p.holder.pseudonym) for p in Proxy.objects.filter(giver=member).select_related("holder")
            ],
            "proxies_held_for": [
                str(p.giver.pseudonym) for p in Proxy.objects.filter(holder=member).select_related("giver")
            ],
            "took_part_in": [
                str(p.question) for p in Participation.objects.filter(member=member).select_related("question")
            ],
        }
