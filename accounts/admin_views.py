"""Organisation admins manage their members; platform admins manage organisations."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts import services
from accounts.access import organisation_required, platform_admin_required, reauth_required, staff_user
from accounts.forms import InviteForm, MembershipRemoveForm, OrganisationForm
from accounts.models import Membership, Organisation, Role
from audit.services import Action, audit_log


def _base_url(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


@organisation_required(Role.ADMIN)
@require_safe
def members_view(request: HttpRequest) -> HttpResponse:
    organisation: Organisation = request.organisation  # type: ignore[attr-defined]
    memberships = (
        Membership.objects.filter(organisation=organisation).select_related("user").order_by("user__name", "role")
    )
    audit_log(
        actor=staff_user(request),
        action=Action.READ,
        target_type="accounts.membership.list",
        target_id=str(organisation.pk),
        organisation_id=organisation.pk,
    )
    return render(
        request,
        "accounts/members.html",
        {"organisation": organisation, "memberships": memberships, "form": InviteForm()},
    )


@organisation_required(Role.ADMIN)
@reauth_required
@require_http_methods(["GET", "HEAD", "POST"])
def member_invite_view(request: HttpRequest) -> HttpResponse:
    organisation: Organisation = request.organisation  # type: ignore[attr-defined]
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.member_invite(
            actor=staff_user(request),
            organisation=organisation,
            base_url=_base_url(request),
            **form.cleaned_data,
        )
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]})
        return redirect("accounts:members", org=organisation.slug)
    return render(request, "accounts/member_invite.html", {"organisation": organisation, "form": form})


@organisation_required(Role.ADMIN)
@reauth_required
@require_POST
def member_remove_view(request: HttpRequest) -> HttpResponse:
    organisation: Organisation = request.organisation  # type: ignore[attr-defined]
    form = MembershipRemoveForm(organisation, request.POST)
    if form.is_valid():
        try:
            services.membership_remove(actor=staff_user(request), membership=form.cleaned_data["membership"])
            messages.success(request, _("The role was removed."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect("accounts:members", org=organisation.slug)


@platform_admin_required
@require_safe
def organisations_view(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/organisations.html",
        {"organisations": Organisation.objects.all(), "form": OrganisationForm()},
    )


@platform_admin_required
@reauth_required
@require_http_methods(["GET", "HEAD", "POST"])
def organisation_create_view(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None)
    invite = InviteForm(request.POST or None, prefix="admin", initial={"role": Role.ADMIN})
    invite.fields["role"].choices = [(Role.ADMIN.value, Role.ADMIN.label)]  # type: ignore[attr-defined]
    if request.method == "POST" and form.is_valid() and invite.is_valid():
        try:
            organisation = services.organisation_create(
                actor=staff_user(request),
                name=form.cleaned_data["name"],
                slug=form.cleaned_data["slug"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            services.member_invite(
                actor=staff_user(request),
                organisation=organisation,
                base_url=_base_url(request),
                **invite.cleaned_data,
            )
            messages.success(request, _("Organisation created and its first admin invited."))
            return redirect("accounts:organisations")
    return render(request, "accounts/organisation_create.html", {"form": form, "invite": invite})
