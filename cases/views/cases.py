"""The caseworker's pages: dashboard, case list, first contact, the case page and its edits."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.access import reauth_required, staff_user
from audit.services import Action, audit_log
from cases import selectors, services
from cases.access import case_required, cases_required
from cases.charts import progress_chart
from cases.consent import ConsentMissing
from cases.forms import AccessForm, CaseEditForm, CloseForm, IdentityForm, IntakeForm, TransferForm
from cases.models import Case, CaseStatus, NeedStatus
from cases.views.common import conflict_message, render_case_form, to_case
from core.types import HavenRequest


@cases_required
@require_safe
def dashboard(request: HavenRequest) -> HttpResponse:
    user = staff_user(request)
    board = selectors.dashboard(user=user)
    audit_log(actor=user, action=Action.READ, target_type="cases.dashboard", organisation_id=request.organisation.pk)
    return render(
        request,
        "cases/dashboard.html",
        {"organisation": request.organisation, "board": board, "today": timezone.localdate()},
    )


@cases_required
@require_safe
def case_list(request: HavenRequest) -> HttpResponse:
    status = CaseStatus.CLOSED if request.GET.get("status") == "closed" else CaseStatus.OPEN
    user = staff_user(request)
    cases = list(selectors.case_list(user=user, status=status)[:500])
    audit_log(actor=user, action=Action.READ, target_type="cases.case-list", organisation_id=request.organisation.pk)
    return render(
        request, "cases/case_list.html", {"organisation": request.organisation, "cases": cases, "status": status}
    )


@cases_required
@require_http_methods(["GET", "HEAD", "POST"])
def case_new(request: HavenRequest) -> HttpResponse:
    organisation = request.organisation
    services.profiles_ensure(organisation=organisation)
    form = IntakeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = services.client_create(
                organisation=organisation,
                actor=staff_user(request),
                working_name=data["working_name"],
                contact_route=data["contact_route"],
                opened_on=data["opened_on"],
                sub_branch=data["sub_branch"],
                languages=data["languages"],
                region=data["region"],
                duup_centre=data["duup_centre"],
                profile=data["profile"],
                start_circumstances=data["start_circumstances"],
                start_motives=data["start_motives"],
                wishes=data["wishes"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The case is opened."))
            return to_case(case)
    return render(request, "cases/case_new.html", {"organisation": organisation, "form": form})


@case_required
@require_safe
def case_page(request: HavenRequest, case: Case) -> HttpResponse:
    page = selectors.case_page(case=case)
    latest = page.assessments[-1] if page.assessments else None
    return render(
        request,
        "cases/case_page.html",
        {
            "organisation": request.organisation,
            "case": case,
            "page": page,
            "latest": latest,
            "chart": progress_chart(page.assessments),
            "statuses": NeedStatus.choices,
            "today": timezone.localdate(),
            "referrals": list(case.referrals.all()),
            "documents": list(case.documents.defer("data")),
            "attachments": list(case.plan_attachments.all()),
            "follow_ups": list(case.follow_ups.all()),
        },
    )


def _intake_initial(case: Case) -> dict[str, object]:
    client = case.client
    return {
        "version": case.version,
        "working_name": client.working_name,
        "opened_on": case.opened_on,
        "contact_route": client.contact_route,
        "sub_branch": client.sub_branch,
        "languages": client.languages,
        "region": client.region,
        "duup_centre": client.duup_centre,
        "profile": case.profile,
        "start_circumstances": case.start_circumstances,
        "start_motives": case.start_motives,
        "wishes": case.wishes,
    }


@case_required
@require_http_methods(["GET", "HEAD", "POST"])
def case_edit(request: HavenRequest, case: Case) -> HttpResponse:
    form = CaseEditForm(request.POST if request.method == "POST" else None, initial=_intake_initial(case))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.case_update(
                case=case,
                actor=staff_user(request),
                expected_version=data["version"],
                **{name: data[name] for name in services.CASE_FIELDS + services.CLIENT_FIELDS},
            )
        except services.Conflict:
            form.add_error(None, conflict_message())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The case is saved."))
            return to_case(case)
    return render_case_form(request, case, form=form, title=_("Edit the case"), button=_("Save"))


@reauth_required
@case_required
@require_http_methods(["GET", "HEAD", "POST"])
def identity(request: HavenRequest, case: Case) -> HttpResponse:
    """Identity and contact details: optional, encrypted, behind a fresh password and second factor."""
    client = case.client
    initial = {name: getattr(client, name) for name in services.IDENTITY_FIELDS}
    form = IdentityForm(request.POST if request.method == "POST" else None, initial=initial)
    audit_log(actor=staff_user(request), action=Action.READ, target=client, organisation_id=client.organisation_id)
    if request.method == "POST" and form.is_valid():
        services.identity_update(client=client, actor=staff_user(request), **form.values())
        messages.success(request, _("Identity and contact details are saved."))
        return to_case(case)
    return render_case_form(
        request,
        case,
        form=form,
        title=_("Identity and contact details"),
        button=_("Save"),
        extra={"lead": _("Only what is needed. Everything here is encrypted, and every reading is logged.")},
    )


@case_required
@require_http_methods(["GET", "HEAD", "POST"])
def close(request: HavenRequest, case: Case) -> HttpResponse:
    form = CloseForm(request.POST if request.method == "POST" else None, initial={"version": case.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.case_close(
                case=case,
                actor=staff_user(request),
                expected_version=data["version"],
                outcome=data["outcome"],
                closed_on=data["closed_on"],
                note=data["note"],
                follow_up=data["follow_up"],
            )
        except services.Conflict:
            form.add_error(None, conflict_message())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The case is closed."))
            return to_case(case)
    return render_case_form(
        request,
        case,
        form=form,
        title=_("Close the case"),
        button=_("Close the case"),
        extra={"lead": _("After a person stops, check-ins are planned (by default after 3 and 6 months).")},
    )


@case_required
@require_POST
def reopen(request: HavenRequest, case: Case) -> HttpResponse:
    try:
        services.case_reopen(case=case, actor=staff_user(request), expected_version=case.version)
    except services.Conflict:
        messages.error(request, conflict_message())
    else:
        messages.success(request, _("The case is open again."))
    return to_case(case)


@case_required
@require_http_methods(["GET", "HEAD", "POST"])
def transfer(request: HavenRequest, case: Case) -> HttpResponse:
    workers = selectors.case_workers(organisation=request.organisation)
    form = TransferForm(
        request.POST if request.method == "POST" else None,
        workers=workers,
        initial={"version": case.version, "to": str(case.lead_id or "")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.case_transfer(
                case=case,
                actor=staff_user(request),
                to=form.workers[form.cleaned_data["to"]],
                expected_version=form.cleaned_data["version"],
            )
        except services.Conflict:
            form.add_error(None, conflict_message())
        else:
            messages.success(request, _("The case is handed over."))
            if selectors.case_for(user=staff_user(request), pk=case.pk) is None:
                return redirect("cases:dashboard", org=request.organisation.slug)
            return to_case(case)
    return render_case_form(request, case, form=form, title=_("Hand the case over"), button=_("Hand over"))


@case_required
@require_http_methods(["GET", "HEAD", "POST"])
def access(request: HavenRequest, case: Case) -> HttpResponse:
    workers = selectors.case_workers(organisation=request.organisation)
    assigned = [str(a.worker_id) for a in case.assignments.all()]
    form = AccessForm(
        request.POST if request.method == "POST" else None,
        workers=workers,
        initial={"workers": assigned, "restricted": case.restricted},
    )
    if request.method == "POST" and form.is_valid():
        services.case_assign(
            case=case, actor=staff_user(request), workers=form.chosen(), restricted=form.cleaned_data["restricted"]
        )
        messages.success(request, _("Who works on the case is saved."))
        if selectors.case_for(user=staff_user(request), pk=case.pk) is None:
            return redirect("cases:dashboard", org=request.organisation.slug)
        return to_case(case)
    return render_case_form(
        request,
        case,
        form=form,
        title=_("Who works on this case"),
        button=_("Save"),
        extra={"lead": _("The lead worker always stays assigned.")},
    )


@reauth_required
@case_required
@require_safe
def export(request: HavenRequest, case: Case) -> HttpResponse:
    """A copy of the whole file as JSON: only with a consent that covers handing it over."""
    try:
        data = services.case_export(case=case, actor=staff_user(request))
    except ConsentMissing as error:
        return render(
            request,
            "cases/refused.html",
            {"organisation": request.organisation, "case": case, "reason": error.messages[0]},
            status=409,
        )
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="case-{case.client.reference}.json"'
    return response


@reauth_required
@case_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete(request: HavenRequest, case: Case) -> HttpResponse:
    if request.method == "POST" and request.POST.get("confirm") == case.client.reference:
        services.case_delete(case=case, actor=staff_user(request))
        messages.success(request, _("The case is deleted, with everything in it."))
        return redirect("cases:dashboard", org=request.organisation.slug)
    wrong = request.method == "POST"
    return render(
        request,
        "cases/delete.html",
        {"organisation": request.organisation, "case": case, "wrong": wrong, "lang": get_language()},
    )
