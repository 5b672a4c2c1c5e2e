"""Demo organisations and staff for `make run`. Refused in production."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from accounts.models import Membership, Organisation, Role, TOTPDevice, User
from core.scopes import scope

DEMO_PASSWORD = "haven-demo-password"


@dataclass(frozen=True)
class DemoStaff:
    email: str
    name: str
    totp_secret: str  # base32; documented in the README so the demo's second factor can be used
    platform_admin: bool
    roles: tuple[tuple[str, str], ...]  # (organisation slug, role)


DEMO_ORGANISATIONS = {
    "demo-outreach": "Demo outreach service (Brussels)",
    "demo-exit": "Demo exit programme (Ghent)",
}

DEMO_STAFF = (
    DemoStaff("platform@example.org", "Pat Platform", "HAVENDEMOPLATFORMADMINQQQQQQQQQQ", True, ()),
    DemoStaff(
        "admin@example.org",
        "Ada Admin",
        "HAVENDEMOORGANISATIONADMINQQQQQQ",
        False,
        (("demo-outreach", Role.ADMIN), ("demo-outreach", Role.EDITOR)),
    ),
    DemoStaff(
        "caseworker@example.org",
        "Cas Caseworker",
        "HAVENDEMOCASEWORKERQQQQQQQQQQQQQ",
        False,
        (("demo-outreach", Role.CASEWORKER),),
    ),
    DemoStaff(
        "moderator@example.org",
        "Mo Moderator",
        "HAVENDEMOMODERATORQQQQQQQQQQQQQQ",
        False,
        (("demo-outreach", Role.MODERATOR),),
    ),
    DemoStaff(
        "editor@example.org", "Ed Editor", "HAVENDEMOEDITORQQQQQQQQQQQQQQQQQ", False, (("demo-outreach", Role.EDITOR),)
    ),
    DemoStaff(
        "other@example.org",
        "Olu Other",
        "HAVENDEMOOTHERORGADMINQQQQQQQQQQ",
        False,
        (("demo-exit", Role.ADMIN), ("demo-exit", Role.CASEWORKER)),
    ),
)


def demo_seed() -> str:
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Demo accounts are never created in production.")
    created = 0
    with transaction.atomic():
        organisations = {}
        for slug, name in DEMO_ORGANISATIONS.items():
            organisations[slug], _ = Organisation.objects.get_or_create(slug=slug, defaults={"name": name})
        for staff in DEMO_STAFF:
            user = User.objects.filter(email=staff.email).first()
            if user is None:
                user = User.objects.create_user(
                    email=staff.email, password=DEMO_PASSWORD, name=staff.name, is_platform_admin=staff.platform_admin
                )
                created += 1
            if not user.totp_devices.filter(confirmed=True).exists():
                TOTPDevice.objects.create(user=user, secret=staff.totp_secret, confirmed=True)
            for org_slug, role in staff.roles:
                with scope(organisation=organisations[org_slug]):
                    Membership.objects.get_or_create(user=user, organisation=organisations[org_slug], role=role)
    return f"{created} demo staff created"
