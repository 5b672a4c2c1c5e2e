"""Members' own sign-in: a session of its own, apart from staff sessions.

A signed-in member has ``SESSION_KEY`` in the (server-side) session: their id, their organisation's id and
the time of their last request. Staff authentication (``request.user``) knows nothing of it, and a member
session gives no staff right. It ends after ``IDLE_TIMEOUT`` without a request, on signing out and on the
quick exit (which flushes the session).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from accounts.models import Organisation
from accounts.selectors import organisation_by_slug
from core.scopes import scope
from core.types import HavenRequest
from members.models import Member, MemberKind, MemberStatus
from members.selectors import member_get

View = TypeVar("View", bound=Callable[..., HttpResponse])

SESSION_KEY = "haven_member"
IDLE_TIMEOUT = 30 * 60
TOUCH_EVERY = 20


def member_session_start(request: HttpRequest, member: Member) -> None:
    request.session.cycle_key()
    request.session[SESSION_KEY] = {
        "member": str(member.pk),
        "organisation": member.organisation_id,
        "seen": int(time.time()),
    }


def member_session_end(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)


def session_member(request: HttpRequest, organisation: Organisation) -> tuple[Member | None, bool]:
    """The member signed in to this organisation in this session (and whether their session just expired)."""
    data = request.session.get(SESSION_KEY)
    if not isinstance(data, dict) or data.get("organisation") != organisation.pk:
        return None, False
    now = int(time.time())
    seen = data.get("seen", 0)
    if not isinstance(seen, int) or now - seen > IDLE_TIMEOUT:
        member_session_end(request)
        return None, True
    member = member_get(organisation, str(data.get("member", "")))
    if member is None or member.status not in (MemberStatus.APPROVED, MemberStatus.LEFT):
        member_session_end(request)
        return None, False
    if now - seen >= TOUCH_EVERY:
        request.session[SESSION_KEY] = {**data, "seen": now}
    return member, False


def member_required(active_only: bool = False) -> Callable[[View], View]:
    """For member views taking ``org`` (a slug): sets ``request.member`` and ``request.organisation`` and runs the
    view inside the organisation's scope. Not signed in: to the sign-in page. ``active_only``: active members
    only (others get 404: the page is not theirs)."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HavenRequest, org: str, *args: Any, **kwargs: Any) -> HttpResponse:
            organisation = organisation_by_slug(org)
            if organisation is None:
                raise Http404
            member, expired = session_member(request, organisation)
            if member is None:
                if expired:
                    messages.info(request, _("You were signed out after 30 minutes without activity."))
                return redirect("members:sign-in", org=organisation.slug)
            if active_only and (member.kind != MemberKind.ACTIVE or member.status != MemberStatus.APPROVED):
                raise Http404
            request.member = member
            request.organisation = organisation
            with scope(organisation=organisation):
                return view(request, *args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorator
