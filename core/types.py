"""Types shared by every app. ``core`` imports no app at run time; the names below are for annotations only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:  # annotations only: core never imports an app when it runs
    from accounts.models import Organisation, Role, StaffSession
    from members.models import Member
    from plans.session import PlanAccess


class HavenRequest(HttpRequest):
    """A request with the attributes Haven's middleware and access checks set. Annotate views with it.

    Which attribute is there depends on what ran: ``client_key`` on every request; ``staff_session`` once a
    staff member is signed in; ``organisation`` and ``roles`` in views behind ``organisation_required``;
    ``plan`` in views behind ``plan_required``.
    """

    client_key: str  # core.middleware.ClientPrivacyMiddleware: keyed daily hash, never the address
    staff_session: StaffSession  # accounts.middleware.StaffSessionMiddleware
    organisation: Organisation  # accounts.access.organisation_required
    roles: set[Role]  # accounts.access.organisation_required
    plan: PlanAccess  # plans.session.plan_required
    member: Member  # members.access.member_required
