"""Demo members for `make run` (demo-outreach organisation). Refused in production.

The active demo member signs in with the code and passphrase below (also in the README).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from accounts.selectors import organisation_by_slug
from core.scopes import scope
from members.codes import code_lookup, new_code
from members.models import Member, MemberKind, MemberStatus, Task

DEMO_ORGANISATION = "demo-outreach"
DEMO_CODE = "DEMO-ACTV-MEMB-2026"
DEMO_PASSPHRASE = "haven demo member passphrase"

# (pseudonym, kind, status, language, email)
DEMO_MEMBERS = (
    ("Robin (demo)", MemberKind.ACTIVE, MemberStatus.APPROVED, "nl", "robin.demo@example.org"),
    ("Camille (démo)", MemberKind.ACTIVE, MemberStatus.APPROVED, "fr", ""),
    ("Sam (demo)", MemberKind.SUPPORTING, MemberStatus.APPROVED, "en", "sam.demo@example.org"),
    ("Noor (demo)", MemberKind.ACTIVE, MemberStatus.APPLIED, "nl", ""),
    ("Lou (démo)", MemberKind.SUPPORTING, MemberStatus.APPLIED, "fr", ""),
)


def seed() -> str:
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Demo members are never created in production.")
    organisation = organisation_by_slug(DEMO_ORGANISATION)
    if organisation is None:
        return "no demo organisation: demo members skipped"
    created = 0
    today = timezone.localdate()
    with transaction.atomic(), scope(organisation=organisation):
        if Member.objects.exists():
            return "demo members already there"
        for index, (pseudonym, kind, status, language, email) in enumerate(DEMO_MEMBERS):
            code = DEMO_CODE if index == 0 else new_code()
            member = Member(
                organisation=organisation,
                pseudonym=pseudonym,
                kind=kind,
                status=status,
                states_experience=kind == MemberKind.ACTIVE,
                email=email,
                email_confirmed=bool(email),
                language=language,
                tasks=[Task.ORGANISE_EVENTS, Task.PEER_QUESTIONS] if index == 0 else [],
                code_lookup=code_lookup(code),
                passphrase_hash=make_password(DEMO_PASSPHRASE if index == 0 else None),
                renewal_date=today + timedelta(days=300) if status == MemberStatus.APPROVED else None,
                decided_at=timezone.now() if status == MemberStatus.APPROVED else None,
            )
            member.save()
            created += 1
    return f"{created} demo members (active demo member: code {DEMO_CODE})"
