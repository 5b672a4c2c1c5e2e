from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.retention import purge_all
from core.scopes import scope
from members import selectors, services
from members.models import ForgottenMember, Member, MemberKind, MemberStatus
from members.signals import member_forgotten
from members.tests.helpers import PASSPHRASE, make_member

pytestmark = pytest.mark.django_db


def test_an_application_gives_a_code_that_signs_in_only_once_approved(trio):
    member, code = make_member(trio.org_a, approve=False)
    assert member.status == MemberStatus.APPLIED
    assert code not in member.code_lookup
    found = services.member_authenticate(organisation=trio.org_a, code=code.lower(), passphrase=PASSPHRASE)
    assert found is not None and found.status == MemberStatus.APPLIED
    assert services.member_authenticate(organisation=trio.org_a, code=code, passphrase="wrong passphrase") is None
    assert services.member_authenticate(organisation=trio.org_b, code=code, passphrase=PASSPHRASE) is None


def test_active_membership_needs_the_statement_of_experience(trio):
    with pytest.raises(ValidationError):
        services.member_apply(
            organisation=trio.org_a,
            pseudonym="X",
            kind=MemberKind.ACTIVE,
            states_experience=False,
            passphrase=PASSPHRASE,
            language="en",
        )


def test_approval_sets_a_renewal_date_and_voting_rights(trio):
    member, _code = make_member(trio.org_a, actor=trio.alice)
    assert member.renewal_date and member.renewal_date > timezone.localdate()
    assert selectors.is_voting_member(member)
    assert [m.pk for m in selectors.active_members(trio.org_a)] == [member.pk]
    assert selectors.active_members(trio.org_b) == []
    member.renewal_date = timezone.localdate() - timedelta(days=1)
    assert not selectors.is_voting_member(member)
    supporting, _ = make_member(trio.org_a, kind=MemberKind.SUPPORTING, pseudonym="Sam")
    assert not selectors.is_voting_member(supporting)


def test_the_email_is_confirmed_by_double_opt_in_in_the_members_language(trio):
    member, _code = make_member(trio.org_a, email="robin@example.org", language="fr")
    assert not member.email_confirmed
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["robin@example.org"]
    assert message.subject.startswith("Confirmez votre adresse")
    link = next(line for line in message.body.splitlines() if "/confirm/" in line)
    assert "/fr/members/" in link
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert services.member_email_confirm(organisation=trio.org_a, token=token) is not None
    with scope(organisation=trio.org_a):
        assert Member.objects.get(pk=member.pk).email_confirmed
    assert services.member_email_confirm(organisation=trio.org_a, token=token) is None


def test_forgetting_sends_the_signal_and_leaves_a_record_without_personal_data(trio):
    member, _code = make_member(trio.org_a, email="robin@example.org")
    received = []

    def receiver(sender, organisation_id, member_id, **kwargs):  # type: ignore[no-untyped-def]
        received.append((organisation_id, member_id))

    member_forgotten.connect(receiver, weak=False, dispatch_uid="test-forget")
    try:
        services.member_leave(member=member)
        services.member_forget(member=member)
    finally:
        member_forgotten.disconnect(dispatch_uid="test-forget")
    assert received == [(trio.org_a.pk, member.pk)]
    with scope(organisation=trio.org_a):
        assert not Member.objects.exists()
        record = ForgottenMember.objects.get()
    assert {f.name for f in ForgottenMember._meta.fields} == {"id", "organisation", "kind", "left_on", "forgotten_at"}
    assert record.kind == MemberKind.ACTIVE


def test_the_purge_forgets_members_who_left_on_the_organisations_schedule(trio):
    services.settings_update(actor=trio.alice, organisation=trio.org_a, forget_after_days=10, membership_months=12)
    member, _ = make_member(trio.org_a)
    services.member_leave(member=member)
    assert purge_all()["members-who-left"] == 0
    with scope(organisation=trio.org_a):
        Member.objects.filter(pk=member.pk).update(left_at=timezone.now() - timedelta(days=11))
    assert purge_all()["members-who-left"] == 1
    with scope(organisation=trio.org_a):
        assert not Member.objects.exists()


def test_unsubscribing_erases_the_address(trio):
    member, _ = make_member(trio.org_a, email="robin@example.org")
    services.member_unsubscribe(member=member)
    with scope(organisation=trio.org_a):
        fresh = Member.objects.get(pk=member.pk)
    assert fresh.email == "" and not fresh.newsletter and not fresh.email_confirmed


def test_a_new_code_from_staff_replaces_the_old_one(trio):
    member, code = make_member(trio.org_a)
    new = services.member_new_code(actor=trio.alice, member=member)
    assert services.member_authenticate(organisation=trio.org_a, code=code, passphrase=PASSPHRASE) is None
    assert services.member_authenticate(organisation=trio.org_a, code=new, passphrase=PASSPHRASE) is None
    assert services.member_claim_new_code(organisation=trio.org_a, code=new, passphrase="another long phrase")
    assert services.member_authenticate(organisation=trio.org_a, code=new, passphrase="another long phrase")
