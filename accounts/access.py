"""Every access check of Haven, in one place.

Rules:
- Staff are signed in only after both factors; ``request.user.is_authenticated`` implies 2FA.
- An organisation's data is visible to its members only. To an outsider it does not exist (404),
  so nobody learns which organisations hold what. A member without the needed role gets 403.
- Platform admins run Haven itself. They are not members of organisations by right and see no
  organisation's personal data unless they are also a member.
- A deactivated organisation has no members as far as any check is concerned: every check here reads roles
  through ``accounts.selectors``, which return none for it.
- Views of one organisation run inside its scope (``core.scopes``), opened only after the check passed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any, TypeVar
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from accounts.models import Organisation, Role, User
from accounts.selectors import memberships_of, organisation_by_slug, roles_of
from core.scopes import platform_scope, scope
from core.types import HavenRequest

View = TypeVar("View", bound=Callable[..., HttpResponse])

REAUTH_SESSION_KEY = "haven_reauth_at"


def roles_in(user: User, organisation: Organisation) -> set[Role]:
    """The user's roles in an active organisation; none in a deactivated one."""
    return roles_of(user=user, organisation=organisation)


def organisation_access(user: User, organisation: Organisation, roles: Iterable[Role] = ()) -> set[Role]:
    """Return the user's roles in the organisation, or refuse: 404 to outsiders, 403 for a wrong role."""
    held = roles_in(user, organisation)
    if not held:
        raise Http404
    wanted = set(roles)
    if wanted and not (held & wanted):
        raise PermissionDenied
    return held


def organisations_of(user: User, roles: Iterable[Role] = ()) -> list[Organisation]:
    """The active organisations in which the user holds one of ``roles`` (any role if none given)."""
    seen: dict[int, Organisation] = {}
    for membership in memberships_of(user=user, roles=roles):
        seen.setdefault(membership.organisation_id, membership.organisation)
    return sorted(seen.values(), key=lambda org: org.name)


def _login_redirect(request: HttpRequest) -> HttpResponse:
    return redirect(f"{reverse(settings.LOGIN_URL)}?{urlencode({'next': request.get_full_path()})}")


def staff_required(view: View) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return _login_redirect(request)
        return view(request, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def organisation_required(*roles: Role) -> Callable[[View], View]:
    """For views taking ``org`` (a slug): checks access, sets ``request.organisation`` and ``request.roles``,
    and runs the view inside that organisation's scope (``core.scopes``)."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HavenRequest, org: str, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return _login_redirect(request)
            organisation = organisation_by_slug(org)
            if organisation is None:
                raise Http404
            request.roles = organisation_access(staff_user(request), organisation, roles)
            request.organisation = organisation
            # After the check, and only then: the view reads this organisation's rows and no other's.
            with scope(organisation=organisation):
                return view(request, *args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorator


def platform_admin_required(view: View) -> View:
    """Platform admins run Haven itself: their views see the platform's own rows, no organisation's."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return _login_redirect(request)
        if not staff_user(request).is_platform_admin:
            raise PermissionDenied
        with platform_scope():
            return view(request, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def staff_user(request: HttpRequest) -> User:
    """The signed-in staff member of a request that passed one of the checks below."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


def is_editor(user: User) -> bool:
    """Editors of the shared knowledge base: the editor role in an active organisation, or a platform admin."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_platform_admin or bool(memberships_of(user=user, roles=[Role.EDITOR]))


def editor_required(view: View) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return _login_redirect(request)
        if not is_editor(staff_user(request)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def mark_reauthenticated(request: HttpRequest) -> None:
    request.session[REAUTH_SESSION_KEY] = int(time.time())


def recently_authenticated(request: HttpRequest) -> bool:
    at = request.session.get(REAUTH_SESSION_KEY, 0)
    return bool(at) and time.time() - at <= settings.HAVEN_REAUTH_MAX_AGE


def reauth_required(view: View) -> View:
    """Sensitive actions ask for the password and second factor again if the last check is old."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return _login_redirect(request)
        if not recently_authenticated(request):
            return redirect(f"{reverse('accounts:reauth')}?{urlencode({'next': request.get_full_path()})}")
        return view(request, *args, **kwargs)

    return wrapper  # type: ignore[return-value]
