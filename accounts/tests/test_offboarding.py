"""Offboarding an organisation shreds its keys and removes its rows, and the record holds no personal data."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.models import Organisation, TOTPDevice, User
from accounts.offboarding import organisation_offboard
from accounts.testing import MembershipFactory, all_audit_entries, all_memberships
from audit.services import Action, chains_verify
from crypto import services as crypto
from crypto.models import DataKey, ShredRecord
from crypto.primitives import DecryptionError
from plans import services as plans
from plans.models import Share

AAD = b"cases.note"


@pytest.mark.django_db
def test_offboarding_shreds_the_keys_and_removes_the_rows(trio):
    token = crypto.encrypt_text("a case note", scope=f"org:{trio.org_a.pk}", aad=AAD)
    other = crypto.encrypt_text("their note", scope=f"org:{trio.org_b.pk}", aad=AAD)
    org_a_id = trio.org_a.pk
    record = organisation_offboard(actor=trio.charlie, organisation=trio.org_a, confirm_slug="org-a")
    with pytest.raises(DecryptionError):
        crypto.decrypt_text(token, scope=f"org:{org_a_id}", aad=AAD)
    assert not DataKey.objects.filter(scope=f"org:{org_a_id}").exists()
    assert crypto.decrypt_text(other, scope=f"org:{trio.org_b.pk}", aad=AAD) == "their note"  # B untouched
    assert not Organisation.objects.filter(pk=org_a_id).exists()
    assert not all_memberships().filter(organisation_id=org_a_id).exists()
    # Alice and Bob were staff of A only: their accounts (and authenticators) go; Charlie stays.
    assert not User.objects.filter(email__in=["alice@example.org", "bob@example.org"]).exists()
    assert not TOTPDevice.objects.filter(user_id__in=[trio.alice.pk, trio.bob.pk]).exists()
    assert User.objects.filter(pk=trio.charlie.pk).exists()
    assert record.data_keys == 1
    assert record.rows_removed["accounts.Organisation"] == 1
    assert record.rows_removed["accounts.User"] == 2


@pytest.mark.django_db
def test_the_record_holds_no_personal_data(trio):
    org_a_id = trio.org_a.pk
    organisation_offboard(actor=trio.charlie, organisation=trio.org_a, confirm_slug="org-a")
    record = ShredRecord.objects.get()
    stored = json.dumps({f.name: str(getattr(record, f.name)) for f in ShredRecord._meta.fields} | record.rows_removed)
    for personal in ["Alice", "alice@example.org", "Bob", "bob@", "Organisation A", "org-a"]:
        assert personal not in stored
    assert record.scope == f"org:{org_a_id}" and record.reason == "offboarding"
    entry = all_audit_entries().get(action=Action.OFFBOARD)
    assert (entry.chain, entry.target_id, entry.actor_id) == ("platform", str(org_a_id), trio.charlie.pk)
    assert all(report.ok for report in chains_verify())


@pytest.mark.django_db
def test_staff_who_belong_to_another_organisation_keep_their_account(trio):
    MembershipFactory(user=trio.bob, organisation=trio.org_b)
    organisation_offboard(actor=None, organisation=trio.org_a, confirm_slug="org-a")
    assert User.objects.filter(pk=trio.bob.pk).exists()
    assert list(all_memberships().filter(user=trio.bob).values_list("organisation", flat=True)) == [trio.org_b.pk]


@pytest.mark.django_db
def test_shares_the_organisation_redeemed_are_revoked(trio):
    unlocked, _recovery = plans.space_create(pseudonym="blue heron", passphrase="a long passphrase for tests")
    share, code = plans.share_create(space=unlocked.space, key=unlocked.key, sections=["motivations"], days=7)
    assert plans.share_open(code=code, organisation=trio.org_a, actor=trio.alice) is not None
    organisation_offboard(actor=None, organisation=trio.org_a, confirm_slug="org-a")
    share = Share.objects.get(pk=share.pk)
    assert share.revoked and share.snapshot == ""
    assert plans.share_open(code=code, organisation=trio.org_b, actor=trio.charlie) is None


@pytest.mark.django_db
def test_offboarding_needs_the_short_name_typed_again(trio):
    with pytest.raises(CommandError, match="exactly"):
        call_command("offboard_organisation", "org-a", "--confirm", "org-b")
    assert Organisation.objects.filter(pk=trio.org_a.pk).exists()
    call_command("offboard_organisation", "org-a", "--confirm", "org-a")
    assert not Organisation.objects.filter(pk=trio.org_a.pk).exists()
