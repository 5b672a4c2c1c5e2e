"""Moderators' pages: the reports their organisation received, the conversation, triage, warnings, statistics.

Only the receiving organisation's moderators and admins see a report; to anyone else it does not exist (404).
Every read of a report and every change is written to the organisation's audit log.
"""

from __future__ import annotations

import base64

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.access import organisation_required, staff_user
from accounts.models import Role, User
from accounts.selectors import members_of
from audit.services import Action, audit_log
from core.types import HavenRequest
from lib.spreadsheets import csv_download
from safety import selectors, services, statistics
from safety.forms import AlertForm, DeskForm, StaffMessageForm, TriageForm, alert_region_country
from safety.models import Report, Status

MODERATORS = (Role.MODERATOR, Role.ADMIN)


def _report(request: HavenRequest, pk: int) -> Report:
    found = selectors.report_for(request.organisation, pk)
    if found is None:
        raise Http404
    return found


def _moderators(request: HavenRequest) -> list[User]:
    seen: dict[int, User] = {}
    for membership in members_of(organisation=request.organisation):
        if membership.role in MODERATORS:
            seen.setdefault(membership.user_id, membership.user)
    return list(seen.values())


@organisation_required(*MODERATORS)
@require_safe
def report_list(request: HavenRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    status = status if isinstance(status, str) and status in Status.values else ""
    reports = list(selectors.reports_for(request.organisation, status=status)[:200])
    context = {
        "tenant": request.organisation,
        "reports": reports,
        "matched": selectors.matched_report_ids(request.organisation),
        "statuses": Status.choices,
        "status": status,
        "desk": selectors.desk_of(request.organisation),
    }
    return render(request, "safety/staff/list.html", context)


@organisation_required(*MODERATORS)
@require_http_methods(["GET", "HEAD", "POST"])
def report_detail(request: HavenRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    actor = staff_user(request)
    staff = _moderators(request)
    triage = TriageForm(initial={"status": report.status, "assigned_to": report.assigned_to_id or ""}, staff=staff)
    message_form = StaffMessageForm()
    if request.method == "POST":
        if request.POST.get("form") == "triage":
            triage = TriageForm(request.POST, staff=staff)
            if triage.is_valid():
                services.report_triage(
                    report=report, actor=actor, status=triage.cleaned_data["status"], assigned_to=triage.assignee()
                )
                messages.success(request, _("Saved."))
                return redirect("safety:staff-report", org=request.organisation.slug, pk=report.pk)
        else:
            message_form = StaffMessageForm(request.POST)
            if message_form.is_valid():
                try:
                    services.staff_message_add(
                        report=report,
                        actor=actor,
                        body=message_form.cleaned_data["body"],
                        internal=message_form.cleaned_data["internal"],
                    )
                except ValidationError as error:
                    message_form.add_error("body", error)
                else:
                    messages.success(request, _("Saved."))
                    return redirect("safety:staff-report", org=request.organisation.slug, pk=report.pk)
    audit_log(actor=actor, action=Action.READ, target=report)
    context = {
        "tenant": request.organisation,
        "report": report,
        "conversation": selectors.conversation(report, for_staff=True),
        "photos": selectors.photos_of(report),
        "match": selectors.has_match(report),
        "triage": triage,
        "message_form": message_form,
    }
    return render(request, "safety/staff/report.html", context)


@organisation_required(*MODERATORS)
@require_safe
def report_photo(request: HavenRequest, pk: int, photo: int) -> HttpResponse:
    report = _report(request, pk)
    found = selectors.photo(report, photo)
    if found is None:
        raise Http404
    audit_log(actor=staff_user(request), action=Action.READ, target=found)
    response = HttpResponse(base64.b64decode(found.data), content_type=found.content_type)
    response["Content-Disposition"] = "inline"
    return response


@organisation_required(*MODERATORS)
@require_http_methods(["GET", "HEAD", "POST"])
def alert_new(request: HavenRequest, pk: int) -> HttpResponse:
    """Turn a report into a warning, in the moderator's words (the person's own only with their consent)."""
    report = _report(request, pk)
    initial = {
        "kind": report.kind,
        "region": report.region,
        "phones": report.phone,
        "handles": report.handle,
        "description": {},
    }
    form = AlertForm(request.POST or None, initial=initial, words=report.what_happened, consent=report.consent_words)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.alert_publish(
                organisation=request.organisation,
                actor=staff_user(request),
                report=report,
                kind=data["kind"],
                country=alert_region_country(data["region"]),
                region=data["region"],
                description=data["description"],
                expires_on=data["expires_on"],
                phones=data["phones"],
                plates=data["plates"],
                handles=data["handles"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The warning is published."))
            return redirect("safety:staff-alerts", org=request.organisation.slug)
    audit_log(actor=staff_user(request), action=Action.READ, target=report)
    return render(
        request, "safety/staff/alert_form.html", {"tenant": request.organisation, "report": report, "form": form}
    )


@organisation_required(*MODERATORS)
@require_safe
def alert_list(request: HavenRequest) -> HttpResponse:
    alerts = list(selectors.alerts_of(request.organisation)[:200])
    return render(request, "safety/staff/alerts.html", {"tenant": request.organisation, "alerts": alerts})


@organisation_required(*MODERATORS)
@require_POST
def alert_withdraw(request: HavenRequest, pk: int) -> HttpResponse:
    alert = selectors.alert_of(request.organisation, pk)
    if alert is None:
        raise Http404
    services.alert_withdraw(alert=alert, actor=staff_user(request))
    messages.success(request, _("The warning is no longer shown."))
    return redirect("safety:staff-alerts", org=request.organisation.slug)


@organisation_required(*MODERATORS)
@require_safe
def statistics_view(request: HavenRequest) -> HttpResponse:
    table = statistics.table_for(request.organisation)
    audit_log(
        actor=staff_user(request),
        action=Action.READ,
        target_type="safety.statistics",
        organisation_id=request.organisation.pk,
    )
    csv_url = reverse("safety:staff-statistics-csv", kwargs={"org": request.organisation.slug})
    return render(
        request, "safety/staff/statistics.html", {"tenant": request.organisation, "table": table, "csv_url": csv_url}
    )


@organisation_required(*MODERATORS)
@require_safe
def statistics_csv(request: HavenRequest) -> HttpResponse:
    table = statistics.table_for(request.organisation)
    audit_log(
        actor=staff_user(request),
        action=Action.EXPORT,
        target_type="safety.statistics",
        organisation_id=request.organisation.pk,
    )
    return csv_download(
        ["kind", "region", "month", "reports"],
        ([row.kind, row.region, row.month, row.count] for row in table.rows),
        filename=f"safety-statistics-{request.organisation.slug}.csv",
    )


@organisation_required(Role.ADMIN)
@require_http_methods(["GET", "HEAD", "POST"])
def desk(request: HavenRequest) -> HttpResponse:
    """Whether the organisation receives reports from the public form, and for which country and regions."""
    current = selectors.desk_of(request.organisation)
    initial = (
        {"is_open": current.is_open, "country": current.country, "regions": current.regions}
        if current
        else {"is_open": False, "country": "BE", "regions": []}
    )
    form = DeskForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.desk_set(
            organisation=request.organisation,
            actor=staff_user(request),
            country=form.cleaned_data["country"],
            regions=form.cleaned_data["regions"],
            is_open=form.cleaned_data["is_open"],
        )
        messages.success(request, _("Saved."))
        return redirect("safety:staff-reports", org=request.organisation.slug)
    return render(request, "safety/staff/desk.html", {"tenant": request.organisation, "form": form})
