"""Demo organisations and staff for `make run`. Refused in production."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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

# Each demo organisation keeps its own made-up directory listing current, so its admin can try editing one.
# Only a name and a sentence saying it is not real: no address, phone number or other invented fact.
DEMO_LISTINGS: dict[str, dict[str, Any]] = {
    "demo-outreach": {
        "slug": "demo-outreach-service",
        "name": {
            "en": "Demo outreach service (not a real organisation)",
            "nl": "Demo-veldwerkdienst (geen echte organisatie)",
            "fr": "Service de proximité de démonstration (pas une vraie organisation)",
        },
        "description": {
            "en": "Made up for trying Haven. Do not contact it: it does not exist.",
            "nl": "Verzonnen om Haven uit te proberen. Neem geen contact op: deze organisatie bestaat niet.",
            "fr": "Inventé pour essayer Haven. Ne le contactez pas : il n'existe pas.",
        },
    },
    "demo-exit": {
        "slug": "demo-exit-programme",
        "name": {
            "en": "Demo exit programme (not a real organisation)",
            "nl": "Demo-uitstapprogramma (geen echte organisatie)",
            "fr": "Programme de sortie de démonstration (pas une vraie organisation)",
        },
        "description": {
            "en": "Made up for trying Haven. Do not contact it: it does not exist.",
            "nl": "Verzonnen om Haven uit te proberen. Neem geen contact op: deze organisatie bestaat niet.",
            "fr": "Inventé pour essayer Haven. Ne le contactez pas : il n'existe pas.",
        },
    },
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
        listings = _demo_listings(organisations)
    return f"{created} demo staff created; {listings} demo directory listings linked"


def _demo_listings(organisations: dict[str, Organisation]) -> int:
    from directory.services import organization_demo_listing  # the demo seeds both apps

    for org_slug, listing in DEMO_LISTINGS.items():
        organization_demo_listing(owner=organisations[org_slug], **listing)
    return len(DEMO_LISTINGS)
