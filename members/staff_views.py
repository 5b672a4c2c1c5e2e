"""Staff pages: the registry of members, decisions on applications, proposals and the organisation's rules.

Admins only (``organisation_required(Role.ADMIN)``): outsiders get 404, colleagues without the role 403.
Every page that shows members' personal data logs the read.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.access import organisation_required, staff_user
from accounts.models import Role
from audit.services import Action, audit_log
from core.types import HavenRequest
from members import selectors, services
from members.forms import ConfirmForm, RegistryForm, SettingsForm
from members.models import Member, MemberKind, MemberStatus, Task


def _member(request: HavenRequest, member_id: str) -> Member:
    member = selectors.member_get(request.organisation, member_id)
    if member is None:
        raise Http404
    return member


@require_safe
@organisation_required(Role.ADMIN)
def registry(request: HavenRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    kind = request.GET.get("kind", "")
    status = status if status in MemberStatus.values else ""
    kind = kind if kind in MemberKind.values else ""
    members = list(selectors.registry(request.organisation, status=status, kind=kind))
    audit_log(
        actor=staff_user(request),
        action=Action.READ,
        target_type="members.member",
        target_id="registry",
        organisation_id=request.organisation.pk,
    )
    return render(
        request,
        "members/staff/registry.html",
        {
            "tenant": request.organisation,
            "members": members,
            "status": status,
            "kind": kind,
            "statuses": MemberStatus.choices,
            "kinds": MemberKind.choices,
            "proposals": [p for p in selectors.proposals(request.organisation) if not p.handled],
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@organisation_required(Role.ADMIN)
def member_detail(request: HavenRequest, member_id: str) -> HttpResponse:
    member = _member(request, member_id)
    user = staff_user(request)
    initial = {"kind": member.kind, "status": member.status, "renewal_date": member.renewal_date}
    form = RegistryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.member_registry_update(actor=user, member=member, **form.cleaned_data)
        messages.success(request, _("The registry is updated."))
        return redirect("members:staff-member", org=request.organisation.slug, member_id=member.pk)
    audit_log(actor=user, action=Action.READ, target=member)
    return render(
        request,
        "members/staff/member.html",
        {
            "tenant": request.organisation,
            "member": member,
            "form": form,
            "task_labels": [label for value, label in Task.choices if value in (member.tasks or [])],
            "is_voting": selectors.is_voting_member(member),
        },
    )


@require_POST
@organisation_required(Role.ADMIN)
def decide(request: HavenRequest, member_id: str) -> HttpResponse:
    member = _member(request, member_id)
    if member.status != MemberStatus.APPLIED:
        messages.info(request, _("This application was already decided."))
    else:
        approve = request.POST.get("decision") == "approve"
        services.member_decide(actor=staff_user(request), member=member, approve=approve)
        messages.success(request, _("The application is approved.") if approve else _("The application is refused."))
    return redirect("members:staff-member", org=request.organisation.slug, member_id=member.pk)


@require_POST
@organisation_required(Role.ADMIN)
def issue_code(request: HavenRequest, member_id: str) -> HttpResponse:
    member = _member(request, member_id)
    code = services.member_new_code(actor=staff_user(request), member=member)
    return render(
        request, "members/staff/new_code.html", {"tenant": request.organisation, "member": member, "code": code}
    )


@require_http_methods(["GET", "HEAD", "POST"])
@organisation_required(Role.ADMIN)
def forget(request: HavenRequest, member_id: str) -> HttpResponse:
    member = _member(request, member_id)
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.member_forget(member=member, actor=staff_user(request))
        messages.success(request, _("The member is anonymised everywhere."))
        return redirect("members:staff-registry", org=request.organisation.slug)
    return render(
        request, "members/staff/forget.html", {"tenant": request.organisation, "member": member, "form": form}
    )


@require_POST
@organisation_required(Role.ADMIN)
def proposal_done(request: HavenRequest, proposal_id: str) -> HttpResponse:
    found = next((p for p in selectors.proposals(request.organisation) if str(p.pk) == proposal_id), None)
    if found is None:
        raise Http404
    services.proposal_handled(actor=staff_user(request), proposal=found)
    return redirect("members:staff-registry", org=request.organisation.slug)


@require_http_methods(["GET", "HEAD", "POST"])
@organisation_required(Role.ADMIN)
def rules(request: HavenRequest) -> HttpResponse:
    current = selectors.settings_for(request.organisation)
    initial = {"forget_after_days": current.forget_after_days, "membership_months": current.membership_months}
    form = SettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.settings_update(actor=staff_user(request), organisation=request.organisation, **form.cleaned_data)
        messages.success(request, _("The rules are saved."))
        return redirect("members:staff-registry", org=request.organisation.slug)
    return render(request, "members/staff/rules.html", {"tenant": request.organisation, "form": form})
