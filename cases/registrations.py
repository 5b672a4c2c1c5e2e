"""What the cases app plugs into shared places: the purge rule, the demo seeder and the staff-home links."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.access import organisations_of
from accounts.models import Role, User
from core.registry import StaffLink, register_demo_seeder, register_staff_links
from core.retention import register_purge


def staff_links(user: User) -> list[StaffLink]:
    links = []
    for organisation in organisations_of(user, [Role.CASEWORKER, Role.ADMIN]):
        links.append(
            StaffLink(
                reverse("cases:dashboard", kwargs={"org": organisation.slug}),
                _("Cases of %(organisation)s") % {"organisation": organisation.name},
            )
        )
    return links


def register() -> None:
    from cases.demo import demo_seed
    from cases.retention import purge_closed_cases

    register_purge(
        "closed-cases",
        "closed cases and everything in them, after the organisation's retention period (24 months unless it "
        "sets another); answered incoming referrals after the same period; a purge record keeps only counts",
        purge_closed_cases,
    )
    register_demo_seeder("cases", demo_seed, order=60)
    register_staff_links("cases", staff_links)
    from cases.report_views import staff_links as report_links

    register_staff_links("case-reports", report_links)
