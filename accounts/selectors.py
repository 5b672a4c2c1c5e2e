"""Reads about organisations, staff and their roles, for this app and every other one.

Memberships are organisation-owned (``core.scopes``): a read about one organisation opens that organisation's
scope; a read of one staff member's own memberships across organisations opens the documented
"all organisations" scope for that purpose only.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from accounts.models import Membership, Organisation, Role, User
from core.scopes import all_organisations, scope

OWN_MEMBERSHIPS = "a staff member's own memberships"


def organisation_by_slug(slug: str) -> Organisation | None:
    return Organisation.objects.filter(slug=slug).first()


def user_by_email(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def active_organisations() -> QuerySet[Organisation]:
    return Organisation.objects.filter(is_active=True).order_by("name")


def roles_of(*, user: User, organisation: Organisation) -> set[Role]:
    """The roles a staff member holds in an organisation; none in a deactivated organisation or for an inactive user."""
    if not user.is_authenticated or not user.is_active or not organisation.is_active:
        return set()
    with scope(organisation=organisation):
        held = Membership.objects.filter(user=user).values_list("role", flat=True)
        return {Role(role) for role in held}


def memberships_of(*, user: User, roles: Iterable[Role] = ()) -> list[Membership]:
    """A staff member's memberships in active organisations (with the organisation loaded)."""
    if not user.is_authenticated or not user.is_active:
        return []
    with all_organisations(reason=OWN_MEMBERSHIPS):
        memberships = Membership.objects.filter(user=user, organisation__is_active=True)
        wanted = list(roles)
        if wanted:
            memberships = memberships.filter(role__in=wanted)
        return list(memberships.select_related("organisation"))


def all_memberships_of(*, user: User) -> list[Membership]:
    """Every membership of a staff member, deactivated organisations included (for their own data export)."""
    with all_organisations(reason=OWN_MEMBERSHIPS):
        return list(Membership.objects.filter(user=user).select_related("organisation"))


def members_of(*, organisation: Organisation) -> QuerySet[Membership]:
    with scope(organisation=organisation):
        return Membership.objects.select_related("user").order_by("user__name", "role")


def admin_count(*, organisation: Organisation, lock: bool = False) -> int:
    with scope(organisation=organisation):
        admins = Membership.objects.filter(role=Role.ADMIN)
        return len(admins.select_for_update().values_list("pk", flat=True)) if lock else admins.count()


def admins_of(*, organisation: Organisation) -> list[User]:
    """The active admins of an organisation (to tell them about their listings)."""
    with scope(organisation=organisation):
        ids = list(Membership.objects.filter(role=Role.ADMIN).values_list("user_id", flat=True))
    return list(User.objects.filter(pk__in=ids, is_active=True).order_by("email"))


def user_names(*, user_ids: Iterable[int]) -> dict[int, str]:
    """Staff members' names by number (deleted accounts are missing)."""
    return dict(User.objects.filter(pk__in=list(user_ids)).values_list("pk", "name"))
