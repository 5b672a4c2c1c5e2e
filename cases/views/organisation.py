"""Pages of the organisation's case work as a whole: the referral inbox, settings and profiles."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.access import Role, organisation_required, staff_user
from audit.services import Action, audit_log
from cases import selectors, services
from cases.access import cases_required
from cases.forms import AnswerForm, ProfileForm, SettingsForm
from cases.models import ReferralStatus
from core.types import HavenRequest


@cases_required
@require_safe
def inbox(request: HavenRequest) -> HttpResponse:
    """Referrals sent to this organisation: references and statuses only."""
    audit_log(
        actor=staff_user(request),
        action=Action.READ,
        target_type="cases.inbox",
        organisation_id=request.organisation.pk,
    )
    return render(
        request, "cases/inbox.html", {"organisation": request.organisation, "referrals": list(selectors.inbox()[:200])}
    )


@cases_required
@require_http_methods(["GET", "HEAD", "POST"])
def incoming(request: HavenRequest, pk: int) -> HttpResponse:
    found = selectors.incoming(pk=pk)
    if found is None:
        raise Http404
    audit_log(actor=staff_user(request), action=Action.READ, target=found, organisation_id=found.organisation_id)
    form = AnswerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and found.status == ReferralStatus.SENT and form.is_valid():
        try:
            services.incoming_answer(
                incoming=found,
                actor=staff_user(request),
                accept=form.cleaned_data["decision"] == "accept",
                answer=form.cleaned_data["answer"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your answer is sent to the referring organisation."))
            return redirect("cases:inbox", org=request.organisation.slug)
    try:
        shared = json.loads(found.shared or "{}")
    except ValueError:
        shared = {}
    return render(
        request,
        "cases/incoming.html",
        {"organisation": request.organisation, "incoming": found, "shared": shared, "form": form},
    )


@organisation_required(Role.ADMIN)
@require_http_methods(["GET", "HEAD", "POST"])
def settings_view(request: HavenRequest) -> HttpResponse:
    organisation = request.organisation
    current = selectors.case_settings(organisation=organisation)
    form = SettingsForm(
        request.POST if request.method == "POST" else None,
        initial={"retention_months": current.retention_months, "follow_up_months": current.follow_up_months},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.settings_update(organisation=organisation, actor=staff_user(request), **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The settings are saved."))
            return redirect("cases:settings", org=organisation.slug)
    return render(
        request,
        "cases/settings.html",
        {
            "organisation": organisation,
            "form": form,
            "profiles": list(services.profiles_ensure(organisation=organisation)),
            "purges": list(selectors.purge_records()),
        },
    )


@organisation_required(Role.ADMIN)
@require_http_methods(["GET", "HEAD", "POST"])
def profile_edit(request: HavenRequest, slug: str) -> HttpResponse:
    organisation = request.organisation
    existing = selectors.profiles(active_only=False).filter(slug=slug).first() if slug != "new" else None
    if slug != "new" and existing is None:
        raise Http404
    initial: dict[str, object] = {}
    if existing is not None:
        initial = {"slug": existing.slug, "position": existing.position, "is_active": existing.is_active}
        for code in existing.name:
            initial[f"name_{code}"] = existing.name.get(code, "")
        for code in existing.description:
            initial[f"description_{code}"] = existing.description.get(code, "")
    form = ProfileForm(request.POST if request.method == "POST" else None, initial=initial)
    form.fields["slug"].required = existing is None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.profile_save(
                organisation=organisation,
                actor=staff_user(request),
                slug=existing.slug if existing else data["slug"],
                name=form.translated("name"),
                description=form.translated("description"),
                position=data["position"],
                is_active=data["is_active"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The profile is saved."))
            return redirect("cases:settings", org=organisation.slug)
    return render(request, "cases/profile.html", {"organisation": organisation, "form": form, "profile": existing})
