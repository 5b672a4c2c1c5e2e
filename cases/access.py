"""Who may open a case: the organisation's caseworkers and admins (``accounts.access``), and for a case
restricted to its assigned workers, only them. To anyone else the case does not exist (404)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.http import Http404, HttpResponse

from accounts.access import Role, organisation_required, staff_user
from audit.services import Action, audit_log
from cases.models import Case
from cases.selectors import case_for
from core.types import HavenRequest

View = TypeVar("View", bound=Callable[..., HttpResponse])

CASE_ROLES = (Role.CASEWORKER, Role.ADMIN)


def cases_required(view: View) -> View:
    """The organisation's case management: caseworkers and admins, inside the organisation's scope."""
    return organisation_required(*CASE_ROLES)(view)


def case_required(view: View) -> View:
    """For views taking ``case`` (a number): loads the case this worker may open and passes it on.

    Every opening is audit-logged as a read of the case (writes are logged again by their service)."""

    @cases_required
    @wraps(view)
    def wrapper(request: HavenRequest, case: int, *args: Any, **kwargs: Any) -> HttpResponse:
        found: Case | None = case_for(user=staff_user(request), pk=case)
        if found is None:
            raise Http404
        audit_log(actor=staff_user(request), action=Action.READ, target=found, organisation_id=found.organisation_id)
        return view(request, found, *args, **kwargs)

    return wrapper  # type: ignore[return-value]
