"""Organisation admins manage their members; platform admins manage organisations."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts import selectors, services
from accounts.access import organisation_required, platform_admin_required, reauth_required, staff_user
from accounts.forms import InviteForm, MembershipRemoveForm, OrganisationForm
from accounts.models import Organisation, Role, User
from accounts.views import reauth_then
from audit.services import Action, audit_log
from core.types import HavenRequest


def _base_url(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


@organisation_required(Role.ADMIN)
@require_safe
def members_view(request: HavenRequest) -> HttpResponse:
    organisation = request.organisation
    memberships = selectors.members_of(organisation=organisation)
    audit_log(
        actor=staff_user(request),
        action=Action.READ,
        target_type="accounts.membership.list",
        target_id=str(organisation.pk),
        organisation_id=organisation.pk,
    )
    people: dict[int, dict[str, object]] = {}
    for membership in memberships:
        person = people.setdefault(membership.user_id, {"user": membership.user, "memberships": []})
        person["memberships"].append(membership)  # type: ignore[attr-defined]
    return render(
        request,
        "accounts/members.html",
        {"organisation": organisation, "people": list(people.values()), "form": InviteForm()},
    )


@organisation_required(Role.ADMIN)
@reauth_required
@require_http_methods(["GET", "HEAD", "POST"])
def member_invite_view(request: HavenRequest) -> HttpResponse:
    organisation = request.organisation
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
@require_POST
def member_remove_view(request: HavenRequest) -> HttpResponse:
    organisation = request.organisation
    if (confirm := reauth_then(request, reverse("accounts:members", kwargs={"org": organisation.slug}))) is not None:
        return confirm
    form = MembershipRemoveForm(organisation, request.POST)
    if form.is_valid():
        try:
            services.membership_remove(actor=staff_user(request), membership=form.cleaned_data["membership"])
            messages.success(request, _("The role was removed."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect("accounts:members", org=organisation.slug)


@organisation_required(Role.ADMIN)
@reauth_required
@require_http_methods(["GET", "HEAD", "POST"])
def second_factor_reset_view(request: HavenRequest, user_id: int) -> HttpResponse:
    """An admin resets the second step of a member who lost their phone or key (after confirming who they are)."""
    organisation = request.organisation
    member = User.objects.filter(pk=user_id, memberships__organisation=organisation).distinct().first()
    if member is None:
        raise Http404
    actor = staff_user(request)
    error = ""
    if member.pk == actor.pk:
        error = _("You cannot reset your own second step here. Use your recovery codes.")
    elif member.is_platform_admin:
        error = _("The second step of a platform admin can only be reset by the people who run Haven.")
    if request.method == "POST" and not error:
        try:
            services.second_factor_reset(
                actor=actor, organisation=organisation, member=member, base_url=_base_url(request)
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request,
                _("The second step of %(name)s is reset. They set up a new one at their next sign-in.")
                % {"name": member.name},
            )
            return redirect("accounts:members", org=organisation.slug)
    return render(
        request,
        "accounts/member_second_factor_reset.html",
        {"organisation": organisation, "member": member, "error": error},
    )


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
