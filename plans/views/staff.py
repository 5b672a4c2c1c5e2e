"""Caseworkers open plans shared with their organisation: read-only, with the share code, audit-logged."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.access import Role, organisation_required, staff_user
from audit.services import Action, audit_log
from core.clients import Throttle
from core.types import HavenRequest
from plans import services
from plans.forms import RedeemForm
from plans.outline import nice_date, outline
from plans.selectors import share_is_open, shares_redeemed_by

redeem_by_client = Throttle("plan-redeem-client", limit=10, window=15 * 60)
redeem_by_organisation = Throttle("plan-redeem-organisation", limit=50, window=15 * 60)


def _log(request: HavenRequest, target_id: str = "") -> None:
    organisation = request.organisation
    audit_log(
        actor=staff_user(request),
        action=Action.READ,
        target_type=services.SHARE_TARGET,
        target_id=target_id,
        organisation_id=organisation.pk,
    )


@organisation_required(Role.CASEWORKER, Role.ADMIN)
@require_safe
def shared_list(request: HavenRequest) -> HttpResponse:
    """Shares this organisation opened: when they expire and how often they were opened, never their content."""
    organisation = request.organisation
    _log(request)
    shares = [
        {"share": share, "open": share_is_open(share), "views": share.view_count}  # type: ignore[attr-defined]
        for share in shares_redeemed_by(organisation=organisation)
    ]
    return render(request, "plans/staff/shared_list.html", {"organisation": organisation, "shares": shares})


@organisation_required(Role.CASEWORKER, Role.ADMIN)
@require_http_methods(["GET", "HEAD", "POST"])
def shared_redeem(request: HavenRequest) -> HttpResponse:
    """Enter a share code to see the snapshot. The first organisation to open it is the only one that can."""
    organisation = request.organisation
    form = RedeemForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        client_key = request.client_key
        org_key = str(organisation.pk)
        if redeem_by_client.blocked(client_key) or redeem_by_organisation.blocked(org_key):
            _log(request)
            form.add_error(None, _("Too many attempts. Wait 15 minutes and try again."))
        else:
            snapshot = services.share_open(
                code=form.cleaned_data["code"], organisation=organisation, actor=staff_user(request)
            )
            if snapshot is not None:  # share_open logged the reading
                sections = outline(snapshot.docs)
                return render(
                    request,
                    "plans/staff/snapshot.html",
                    {
                        "organisation": organisation,
                        "snapshot": snapshot,
                        "sections": sections,
                        "created": nice_date(snapshot.created),
                    },
                )
            redeem_by_client.hit(client_key)
            redeem_by_organisation.hit(org_key)
            _log(request)
            form.add_error(
                "code",
                _(
                    "This code does not open a shared plan here. It may be mistyped, expired, stopped by the "
                    "person, or already opened by another organisation."
                ),
            )
    else:
        _log(request)
    return render(request, "plans/staff/redeem.html", {"organisation": organisation, "form": form})
