"""Links on the staff home page for moderators and admins of organisations."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.access import organisations_of
from accounts.models import Role, User
from core.registry import StaffLink


def staff_links(user: User) -> list[StaffLink]:
    links = []
    for organisation in organisations_of(user, roles=[Role.MODERATOR, Role.ADMIN]):
        links.append(
            StaffLink(
                reverse("safety:staff-reports", kwargs={"org": organisation.slug}),
                _("Safety reports: %(organisation)s") % {"organisation": organisation.name},
            )
        )
    return links
