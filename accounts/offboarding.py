"""Offboarding an organisation: its data keys are shredded and its rows removed, leaving a record without
personal data.

What goes, in one transaction:
- every data key of the scope ``org:<id>``: whatever was encrypted under them can never be read again,
  even from a copy of those rows (crypto-shredding);
- the organisation, its memberships and its invitations (cascade), and the staff accounts that belonged to
  this organisation only (platform admins stay);
- what other apps hold for it, through the ``organisation_offboarding`` signal (plans: shares it redeemed
  are revoked and their snapshots erased).

What stays: directory listings it kept current (public information; they lose their owner), and its audit
chain, which records only numbers, actions and times. What is written: a ``crypto.ShredRecord`` (scope,
time, number of keys, number of rows per kind) and an ``offboard`` entry in the platform's audit chain.
"""

from __future__ import annotations

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import Membership, Organisation, User
from accounts.signals import organisation_offboarding
from audit.services import Action, audit_log
from core.scopes import all_organisations, scope
from crypto.models import ShredRecord
from crypto.services import scope_shred


def organisation_scope(organisation_id: int) -> str:
    return f"org:{organisation_id}"


def organisation_offboard(*, actor: User | None, organisation: Organisation, confirm_slug: str) -> ShredRecord:
    if confirm_slug != organisation.slug:
        raise ValidationError("Type the organisation's short name exactly to confirm.")
    removed: Counter[str] = Counter()
    organisation_id = organisation.pk
    with transaction.atomic():
        for _receiver, result in organisation_offboarding.send(sender=Organisation, organisation=organisation):
            removed.update(result or {})
        with scope(organisation=organisation):
            member_ids = set(Membership.objects.values_list("user_id", flat=True))
        with all_organisations(reason="offboarding: which of its staff also work for another organisation"):
            elsewhere = set(
                Membership.objects.filter(user_id__in=member_ids)
                .exclude(organisation=organisation)
                .values_list("user_id", flat=True)
            )
        only_here = User.objects.filter(pk__in=member_ids - elsewhere, is_platform_admin=False)
        _count, by_label = only_here.delete()
        removed.update(by_label)
        _count, by_label = organisation.delete()
        removed.update(by_label)
        record = scope_shred(
            scope=organisation_scope(organisation_id),
            reason="offboarding",
            rows_removed={label: count for label, count in sorted(removed.items()) if count},
        )
        audit_log(
            actor=actor,
            action=Action.OFFBOARD,
            target_type="accounts.organisation",
            target_id=str(organisation_id),
            organisation_id=None,
        )
    return record
