from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.access import organisations_of
from accounts.models import Role, User
from core.registry import StaffLink


def staff_links(user: User) -> list[StaffLink]:
    return [
        StaffLink(
            reverse("volunteering:dashboard", kwargs={"org": organisation.slug}),
            _("Volunteers and internships: %(organisation)s") % {"organisation": organisation.name},
        )
        for organisation in organisations_of(user, roles=[Role.ADMIN])
    ]
