"""Staff pages for outreach tallies: caseworkers and admins of the organisation; outsiders get 404."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.access import organisation_required, staff_user
from accounts.models import Role
from core.types import HavenRequest
from outreach import selectors, services
from outreach.forms import PeriodForm, TallyForm
from outreach.models import Tally

ROLES = (Role.ADMIN, Role.CASEWORKER)
PER_PAGE = 50


def _tally(request: HavenRequest, pk: int) -> Tally:
    tally = selectors.tally_of(request.organisation, pk)
    if tally is None:
        raise Http404
    return tally


@organisation_required(*ROLES)
@require_safe
def tally_list(request: HavenRequest) -> HttpResponse:
    period = PeriodForm(request.GET or None)
    start = end = None
    if period.is_valid():
        start, end = period.cleaned_data.get("start"), period.cleaned_data.get("end")
    end_exclusive = end and end.fromordinal(end.toordinal() + 1)
    tallies = selectors.tallies_of(request.organisation, start=start, end=end_exclusive)
    page = Paginator(tallies, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "outreach/list.html",
        {
            "organisation": request.organisation,
            "period": period,
            "page": page,
            "totals": selectors.totals(tallies),
        },
    )


def _save(request: HavenRequest, form: TallyForm, tally: Tally | None) -> Tally | None:
    values = dict(form.cleaned_data)
    try:
        if tally is None:
            return services.tally_create(organisation=request.organisation, actor=staff_user(request), **values)
        return services.tally_update(tally=tally, actor=staff_user(request), **values)
    except ValidationError as error:
        for name, problems in error.message_dict.items():
            form.add_error(name if name in form.fields else None, problems)
        return None


@organisation_required(*ROLES)
@require_http_methods(["GET", "HEAD", "POST"])
def tally_create(request: HavenRequest) -> HttpResponse:
    form = TallyForm(request.POST or None, initial={"date": timezone.localdate(), "setting": "offline"})
    if request.method == "POST" and form.is_valid() and _save(request, form, None):
        messages.success(request, _("Tally saved. Thank you."))
        return redirect("outreach:list", org=request.organisation.slug)
    return render(request, "outreach/form.html", {"organisation": request.organisation, "form": form, "tally": None})


@organisation_required(*ROLES)
@require_http_methods(["GET", "HEAD", "POST"])
def tally_edit(request: HavenRequest, pk: int) -> HttpResponse:
    tally = _tally(request, pk)
    form = TallyForm(request.POST or None, initial=TallyForm.initial_for(tally))
    if request.method == "POST" and form.is_valid() and _save(request, form, tally):
        messages.success(request, _("Tally saved. Thank you."))
        return redirect("outreach:list", org=request.organisation.slug)
    return render(request, "outreach/form.html", {"organisation": request.organisation, "form": form, "tally": tally})


@organisation_required(*ROLES)
@require_http_methods(["GET", "HEAD", "POST"])
def tally_delete(request: HavenRequest, pk: int) -> HttpResponse:
    tally = _tally(request, pk)
    if request.method == "POST":
        services.tally_delete(tally=tally, actor=staff_user(request))
        messages.success(request, _("Tally deleted."))
        return redirect("outreach:list", org=request.organisation.slug)
    return render(request, "outreach/delete.html", {"organisation": request.organisation, "tally": tally})
