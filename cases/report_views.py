"""Funder report pages: the report of one organisation for one year, and its export (CSV, XLSX).

Caseworkers and admins of the organisation see it (figures only, no personal data); outsiders get 404.
Exports ask for re-authentication and are written to the organisation's access log.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from accounts.access import organisation_required, organisations_of, reauth_required, staff_user
from accounts.models import Role, User
from audit.services import Action, audit_log
from cases.report_charts import bar_chart
from cases.report_exports import report_csv, report_xlsx
from cases.reporting import THRESHOLD, Report, funder_report
from core.registry import StaffLink
from core.types import HavenRequest
from vocabulary.selectors import region_list

ROLES = (Role.ADMIN, Role.CASEWORKER)
YEARS_BACK = 10
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ReportForm(forms.Form):
    year = forms.TypedChoiceField(label=gettext_lazy("Year"), coerce=int, required=False)
    region = forms.ChoiceField(label=gettext_lazy("Region"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        year = self.fields["year"]
        assert isinstance(year, forms.TypedChoiceField)
        year.choices = [(y, str(y)) for y in range(this_year, this_year - YEARS_BACK, -1)]
        region = self.fields["region"]
        assert isinstance(region, forms.ChoiceField)
        region.choices = [("", _("Every region")), *((r.slug, f"{r} ({r.country.code})") for r in region_list())]

    def chosen(self) -> tuple[int, str | None]:
        this_year = timezone.localdate().year
        if not self.is_valid():
            return this_year, None
        return self.cleaned_data.get("year") or this_year, self.cleaned_data.get("region") or None


def _report(request: HavenRequest) -> tuple[ReportForm, Report]:
    form = ReportForm(request.GET or None)
    year, region = form.chosen()
    return form, funder_report([request.organisation], year=year, region=region)


def _region_name(report: Report) -> str:
    return dict(report.regions).get(report.region or "", "") if report.region else str(_("Every region"))


@organisation_required(*ROLES)
@require_safe
def report(request: HavenRequest) -> HttpResponse:
    form, found = _report(request)
    query = request.GET.urlencode()
    return render(
        request,
        "cases/reports/report.html",
        {
            "organisation": request.organisation,
            "form": form,
            "report": found,
            "region_name": _region_name(found),
            "charts": [(table, bar_chart(table)) for table in found.cases],
            "outreach": [(table, bar_chart(table)) for table in found.outreach],
            "threshold": THRESHOLD,
            "query": f"?{query}" if query else "",
        },
    )


@organisation_required(*ROLES)
@reauth_required
@require_safe
def export(request: HavenRequest, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "xlsx"):
        raise Http404
    _form, found = _report(request)
    audit_log(
        actor=staff_user(request),
        action=Action.EXPORT,
        target_type="cases.report",
        target_id=f"{found.year}:{found.region or 'all'}:{fmt}",
        organisation_id=request.organisation.pk,
    )
    name = f"haven-report-{request.organisation.slug}-{found.year}{'-' + found.region if found.region else ''}"
    if fmt == "csv":
        response = HttpResponse(report_csv(found), content_type="text/csv; charset=utf-8")
    else:
        data = report_xlsx(found, organisation_names=request.organisation.name, region_name=_region_name(found))
        response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def staff_links(user: User) -> list[StaffLink]:
    return [
        StaffLink(
            reverse("cases:report", kwargs={"org": organisation.slug}),
            _("Funder report of %(name)s") % {"name": organisation.name},
        )
        for organisation in organisations_of(user, roles=ROLES)
    ]
