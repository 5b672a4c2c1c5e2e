"""Writes for members: applications, decisions, self-service, sign-in secrets, leaving and forgetting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Organisation, User
from audit.services import Action, audit_log
from core.email import email_enqueue
from core.scopes import scope
from members import codes
from members.models import (
    ActivityProposal,
    ForgottenMember,
    Member,
    MemberKind,
    MembershipSettings,
    MemberStatus,
    Task,
)
from members.selectors import member_by_code, member_by_email_token, settings_for
from members.signals import member_forgotten

# Hashing this for an unknown code costs the same time as checking a real member's passphrase.
_DECOY_HASH = make_password("haven-members-decoy")


@dataclass(frozen=True)
class Applied:
    member: Member
    code: str  # shown once to the applicant, never stored


def _confirm_link(member: Member, token: str, base_url: str) -> str:
    with translation.override(member.language):
        path = reverse("members:confirm-email", kwargs={"org": member.organisation.slug, "token": token})
    return base_url.rstrip("/") + path


def _send_opt_in(member: Member, *, base_url: str) -> None:
    token = codes.new_token()
    member.email_token = codes.token_hash("email", token)
    member.email_confirmed = False
    member.save(update_fields=["email_token", "email_confirmed"])
    email_enqueue(
        to=member.email,
        template="members/email/confirm",
        context={
            "pseudonym": member.pseudonym,
            "organisation": member.organisation.name,
            "link": _confirm_link(member, token, base_url),
        },
        language=member.language,
    )


def member_apply(
    *,
    organisation: Organisation,
    pseudonym: str,
    kind: str,
    states_experience: bool,
    passphrase: str,
    language: str,
    email: str = "",
    motivation: str = "",
    base_url: str = "",
) -> Applied:
    """An application. Active members state experience with sex work (no proof). Returns the member code."""
    if kind == MemberKind.ACTIVE and not states_experience:
        raise ValidationError({"states_experience": "Active members state their experience with sex work."})
    code = codes.new_code()
    with transaction.atomic(), scope(organisation=organisation):
        member = Member(
            organisation=organisation,
            pseudonym=pseudonym.strip(),
            kind=kind,
            states_experience=states_experience if kind == MemberKind.ACTIVE else False,
            motivation=motivation.strip(),
            email=email.strip(),
            language=language,
            code_lookup=codes.code_lookup(code),
            passphrase_hash=make_password(passphrase),
        )
        member.full_clean()
        member.save()
        audit_log(actor=None, action=Action.CREATE, target=member)
        if member.email:
            _send_opt_in(member, base_url=base_url)
    return Applied(member, code)


def member_email_confirm(*, organisation: Organisation, token: str) -> Member | None:
    member = member_by_email_token(organisation, codes.token_hash("email", token))
    if member is None or not member.email:
        return None
    with transaction.atomic(), scope(organisation=organisation):
        member.email_confirmed = True
        member.email_token = ""
        member.save(update_fields=["email_confirmed", "email_token"])
        audit_log(actor=None, action=Action.UPDATE, target=member)
    return member


def default_renewal(organisation: Organisation, start: date | None = None) -> date:
    months = settings_for(organisation).membership_months
    start = start or timezone.localdate()
    return start + timedelta(days=round(months * 365.25 / 12))


def member_decide(*, actor: User, member: Member, approve: bool, renewal_date: date | None = None) -> Member:
    """Approve or refuse an application."""
    with transaction.atomic(), scope(organisation=member.organisation_id):
        member.status = MemberStatus.APPROVED if approve else MemberStatus.REFUSED
        member.decided_at = timezone.now()
        if approve:
            member.renewal_date = renewal_date or default_renewal(member.organisation)
        member.save(update_fields=["status", "decided_at", "renewal_date"])
        audit_log(actor=actor, action=Action.UPDATE, target=member)
    return member


def member_registry_update(*, actor: User, member: Member, kind: str, status: str, renewal_date: date | None) -> Member:
    with transaction.atomic(), scope(organisation=member.organisation_id):
        member.kind = kind
        if status == MemberStatus.LEFT and member.status != MemberStatus.LEFT:
            member.left_at = timezone.now()
        if status != MemberStatus.LEFT:
            member.left_at = None
        member.status = status
        member.renewal_date = renewal_date
        member.full_clean()
        member.save()
        audit_log(actor=actor, action=Action.UPDATE, target=member)
    return member


def member_authenticate(*, organisation: Organisation, code: str, passphrase: str) -> Member | None:
    """The member whose code and passphrase these are, or None (same work either way)."""
    member = member_by_code(organisation, code)
    if member is None or member.code_is_new:
        check_password(passphrase, _DECOY_HASH)
        return None
    if not check_password(passphrase, member.passphrase_hash):
        return None
    with scope(organisation=organisation):
        audit_log(actor=None, action=Action.SIGN_IN, target=member)
    return member


def member_claim_new_code(*, organisation: Organisation, code: str, passphrase: str) -> Member | None:
    """First sign-in with a code staff issued: the member chooses their passphrase."""
    member = member_by_code(organisation, code)
    if member is None or not member.code_is_new:
        return None
    with transaction.atomic(), scope(organisation=organisation):
        member.passphrase_hash = make_password(passphrase)
        member.code_is_new = False
        member.save(update_fields=["passphrase_hash", "code_is_new"])
        audit_log(actor=None, action=Action.UPDATE, target=member)
    return member


def member_new_code(*, actor: User, member: Member) -> str:
    """Staff give a member who lost their code a new one (shown once); the member then chooses a passphrase."""
    code = codes.new_code()
    with transaction.atomic(), scope(organisation=member.organisation_id):
        member.code_lookup = codes.code_lookup(code)
        member.passphrase_hash = make_password(None)
        member.code_is_new = True
        member.save(update_fields=["code_lookup", "passphrase_hash", "code_is_new"])
        audit_log(actor=actor, action=Action.UPDATE, target=member)
    return code


def member_passphrase_change(*, member: Member, current: str, new: str) -> bool:
    if not check_password(current, member.passphrase_hash):
        return False
    with transaction.atomic(), scope(organisation=member.organisation_id):
        member.passphrase_hash = make_password(new)
        member.save(update_fields=["passphrase_hash"])
        audit_log(actor=None, action=Action.UPDATE, target=member)
    return True


def member_update(
    *, member: Member, pseudonym: str, email: str, language: str, newsletter: bool, base_url: str = ""
) -> Member:
    """The member's own changes. A new address is confirmed again before any newsletter goes to it."""
    email = email.strip()
    changed_email = email != member.email
    with transaction.atomic(), scope(organisation=member.organisation_id):
        member.pseudonym = pseudonym.strip()
        member.email = email
        member.language = language
        member.newsletter = newsletter
        if changed_email:
            member.email_confirmed = False
            member.email_token = ""
        member.full_clean()
        member.save()
        audit_log(actor=None, action=Action.UPDATE, target=member)
        if changed_email and email:
            _send_opt_in(member, base_url=base_url)
    return member


def member_tasks_set(*, member: Member, tasks: list[str]) -> Member:
    valid = [task for task in Task.values if task in tasks]
    with transaction.atomic(), scope(organisation=member.organisation_id):
        member.tasks = valid
        member.save(update_fields=["tasks"])
        audit_log(actor=None, action=Action.UPDATE, target=member)
    return member


def proposal_create(*, member: Member, title: str, description: str) -> ActivityProposal:
    with transaction.atomic(), scope(organisation=member.organisation_id):
        proposal = ActivityProposal(
            organisation_id=member.organisation_id, member=member, title=title.strip(), description=description.strip()
        )
        proposal.full_clean()
        proposal.save()
        audit_log(actor=None, action=Action.CREATE, target=proposal)
    return proposal


def proposal_handled(*, actor: User, proposal: ActivityProposal) -> None:
    with transaction.atomic(), scope(organisation=proposal.organisation_id):
        proposal.handled = True
        proposal.save(update_fields=["handled"])
        audit_log(actor=actor, action=Action.UPDATE, target=proposal)


def member_unsubscribe(*, member: Member) -> None:
    """Leaving the mailing list anonymises the address: it is erased, not just flagged."""
    with transaction.atomic(), scope(organisation=member.organisation_id):
        member.email = ""
        member.email_confirmed = False
        member.email_token = ""
        member.newsletter = False
        member.save(update_fields=["email", "email_confirmed", "email_token", "newsletter"])
        audit_log(actor=None, action=Action.UPDATE, target=member)


def member_leave(*, member: Member) -> Member:
    """The member leaves; they are anonymised on the organisation's schedule (``purge_left_members``)."""
    with transaction.atomic(), scope(organisation=member.organisation_id):
        member.status = MemberStatus.LEFT
        member.left_at = timezone.now()
        member.newsletter = False
        member.save(update_fields=["status", "left_at", "newsletter"])
        audit_log(actor=None, action=Action.UPDATE, target=member)
    return member


def member_forget(*, member: Member, actor: User | None = None) -> ForgottenMember:
    """Anonymise a member everywhere now: other apps clean their rows (``member_forgotten``), then the row
    goes and a record without personal data stays."""
    with transaction.atomic(), scope(organisation=member.organisation_id):
        member_forgotten.send(sender=Member, organisation_id=member.organisation_id, member_id=member.pk)
        record = ForgottenMember.objects.create(
            organisation_id=member.organisation_id,
            kind=member.kind,
            left_on=(member.left_at or timezone.now()).date(),
        )
        audit_log(
            actor=actor,
            action=Action.DELETE,
            target_type="members.member",
            target_id=str(member.pk),
            organisation_id=member.organisation_id,
        )
        ActivityProposal.objects.filter(member=member).delete()
        Member.objects.filter(pk=member.pk).delete()
    return record


def purge_left_members() -> int:
    """Anonymise members who left longer ago than their organisation's ``forget_after_days`` (runs in the
    "all organisations" scope of ``purge_expired``)."""
    forgotten = 0
    now = timezone.now()
    days = {s.organisation_id: s.forget_after_days for s in MembershipSettings.objects.all()}
    for member in list(Member.objects.filter(status=MemberStatus.LEFT, left_at__isnull=False)):
        wait = days.get(member.organisation_id, MembershipSettings._meta.get_field("forget_after_days").default)
        assert member.left_at is not None
        if member.left_at + timedelta(days=wait) <= now:
            member_forget(member=member)
            forgotten += 1
    return forgotten


def settings_update(*, actor: User, organisation: Organisation, forget_after_days: int, membership_months: int) -> None:
    with transaction.atomic(), scope(organisation=organisation):
        found, _created = MembershipSettings.objects.get_or_create(organisation=organisation)
        found.forget_after_days = forget_after_days
        found.membership_months = membership_months
        found.full_clean()
        found.save()
        audit_log(actor=actor, action=Action.UPDATE, target=found)
