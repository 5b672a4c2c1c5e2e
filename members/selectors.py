"""Reads of members. Each function that is given an organisation opens its scope itself."""

from __future__ import annotations

import uuid
from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from accounts.models import Organisation
from core.scopes import scope
from members.codes import code_lookup
from members.models import ActivityProposal, Member, MemberKind, MembershipSettings, MemberStatus


def active_members(organisation: Organisation) -> list[Member]:
    """Approved active members whose membership has not expired (the voting members)."""
    today = timezone.localdate()
    with scope(organisation=organisation):
        return list(
            Member.objects.filter(kind=MemberKind.ACTIVE, status=MemberStatus.APPROVED).filter(
                Q(renewal_date__isnull=True) | Q(renewal_date__gte=today)
            )
        )


def is_voting_member(member: Member) -> bool:
    """Active, approved and not expired: the members with a vote at the general assembly (seed 001)."""
    return member.kind == MemberKind.ACTIVE and member.status == MemberStatus.APPROVED and not is_expired(member)


def is_expired(member: Member, today: date | None = None) -> bool:
    today = today or timezone.localdate()
    return member.renewal_date is not None and member.renewal_date < today


def member_by_code(organisation: Organisation, code: str) -> Member | None:
    with scope(organisation=organisation):
        return Member.objects.filter(code_lookup=code_lookup(code)).first()


def member_get(organisation: Organisation, member_id: uuid.UUID | str) -> Member | None:
    try:
        pk = uuid.UUID(str(member_id))
    except ValueError:
        return None
    with scope(organisation=organisation):
        return Member.objects.filter(pk=pk).first()


def registry(organisation: Organisation, *, status: str = "", kind: str = "") -> QuerySet[Member]:
    """The staff's registry; decrypting pseudonyms is left to the page (it logs the read)."""
    with scope(organisation=organisation):
        members = Member.objects.all()
        if status:
            members = members.filter(status=status)
        if kind:
            members = members.filter(kind=kind)
        return members.order_by("status", "-applied_at")


def settings_for(organisation: Organisation) -> MembershipSettings:
    with scope(organisation=organisation):
        found = MembershipSettings.objects.filter(organisation=organisation).first()
    return found or MembershipSettings(organisation=organisation)


def newsletter_recipients(organisation: Organisation, *, segment: str = "all", language: str = "") -> list[Member]:
    """Approved members with a confirmed address who want the mailing list, in a segment."""
    with scope(organisation=organisation):
        members = Member.objects.filter(status=MemberStatus.APPROVED, email_confirmed=True, newsletter=True)
        if segment == "active":
            members = members.filter(kind=MemberKind.ACTIVE)
        if language:
            members = members.filter(language=language)
        return list(members)


def member_by_email_token(organisation: Organisation, token_hash: str) -> Member | None:
    if not token_hash:
        return None
    with scope(organisation=organisation):
        return Member.objects.filter(email_token=token_hash).first()


def proposals(organisation: Organisation) -> QuerySet[ActivityProposal]:
    with scope(organisation=organisation):
        return ActivityProposal.objects.order_by("handled", "-created_at")


def volunteers_for(organisation: Organisation, task: str) -> list[Member]:
    """Active members who signed up for a task (filtered in Python: JSON lookups differ between engines)."""
    return [member for member in active_members(organisation) if task in (member.tasks or [])]


# Other apps add their part of a member's export (events, mailing...): name -> function(member) -> data.
_export_parts: dict[str, object] = {}


def register_export_part(name: str, collect: object) -> None:
    _export_parts[name] = collect


def member_export(member: Member) -> dict[str, object]:
    """Everything kept about a member, as plain data for a JSON download."""
    with scope(organisation=member.organisation_id):
        data: dict[str, object] = {
            "organisation": member.organisation.name,
            "pseudonym": member.pseudonym,
            "type": member.kind,
            "status": member.status,
            "states_experience_with_sex_work": member.states_experience,
            "about": member.motivation,
            "email": member.email,
            "email_confirmed": member.email_confirmed,
            "mailing_list": member.newsletter,
            "language": member.language,
            "tasks": list(member.tasks or []),
            "applied_at": member.applied_at.isoformat(),
            "decided_at": member.decided_at.isoformat() if member.decided_at else None,
            "renewal_date": member.renewal_date.isoformat() if member.renewal_date else None,
            "left_at": member.left_at.isoformat() if member.left_at else None,
            "proposals": [
                {"activity": p.title, "description": p.description, "sent_at": p.created_at.isoformat()}
                for p in ActivityProposal.objects.filter(member=member)
            ],
        }
        for name, collect in sorted(_export_parts.items()):
            data[name] = collect(member)  # type: ignore[operator]
    return data
