"""Test helpers for everything that needs staff: factories, signing in, and the access-check trio.

The trio: ``alice`` (admin of organisation A, the owner of a record), ``bob`` (a caseworker in the same
organisation: a colleague) and ``charlie`` (admin of organisation B: an outsider). Every view that
shows organisation data is tested with all three.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import factory
import pyotp
from django.test import Client

from accounts.access import REAUTH_SESSION_KEY
from accounts.middleware import STAFF_SESSION_KEY
from accounts.models import Membership, Organisation, Role, TOTPDevice, User
from accounts.services import staff_session_start

TEST_PASSWORD = "correct horse battery staple"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"staff{n}@example.org")
    name = factory.Sequence(lambda n: f"Staff {n}")
    language = "en"
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def totp(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()
            TOTPDevice.objects.create(user=self, secret=pyotp.random_base32(), confirmed=True)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.CASEWORKER


def current_code(user: User) -> str:
    device = user.totp_devices.get(confirmed=True)
    return pyotp.TOTP(device.secret).now()


def sign_in(client: Client, user: User, *, reauthenticated: bool = True) -> None:
    """Sign a staff member in as if both factors had been given."""
    import time

    client.force_login(user)
    session = client.session
    session[STAFF_SESSION_KEY] = staff_session_start(user=user).key
    if reauthenticated:
        session[REAUTH_SESSION_KEY] = int(time.time())
    session.save()


@dataclass
class Trio:
    org_a: Organisation
    org_b: Organisation
    alice: User  # admin of A: the owner
    bob: User  # caseworker of A: a colleague
    charlie: User  # admin of B: an outsider


def make_trio() -> Trio:
    org_a = OrganisationFactory(name="Organisation A", slug="org-a")
    org_b = OrganisationFactory(name="Organisation B", slug="org-b")
    alice = UserFactory(email="alice@example.org", name="Alice")
    bob = UserFactory(email="bob@example.org", name="Bob")
    charlie = UserFactory(email="charlie@example.org", name="Charlie")
    MembershipFactory(user=alice, organisation=org_a, role=Role.ADMIN)
    MembershipFactory(user=bob, organisation=org_a, role=Role.CASEWORKER)
    MembershipFactory(user=charlie, organisation=org_b, role=Role.ADMIN)
    return Trio(org_a, org_b, alice, bob, charlie)


def all_audit_entries() -> Any:
    """Every audit entry, whatever its chain: tests read the log from outside any organisation's scope."""
    from audit.models import AuditEntry
    from core.scopes import all_organisations

    with all_organisations(reason="tests read every audit chain"):
        return AuditEntry.objects.all()


def all_memberships() -> Any:
    """Every membership, whatever its organisation (tests only)."""
    from core.scopes import all_organisations

    with all_organisations(reason="tests read every membership"):
        return Membership.objects.all()
