from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.access import organisations_of
from accounts.models import Role, User
from core.registry import StaffLink

ROLES = (Role.ADMIN, Role.CASEWORKER)


def staff_links(user: User) -> list[StaffLink]:
    return [
        StaffLink(
            reverse("outreach:list", kwargs={"org": organisation.slug}),
            _("Outreach tallies of %(name)s") % {"name": organisation.name},
        )
        for organisation in organisations_of(user, roles=ROLES)
    ]
