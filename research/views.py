"""The public request form and the admins' triage pages."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts import selectors as account_selectors
from accounts.access import organisation_required, staff_user
from accounts.models import Organisation, Role
from audit.services import Action, audit_log
from core.clients import Throttle
from core.i18n import current_language
from core.types import HavenRequest
from research import selectors, services
from research.forms import RequestForm, TriageForm
from research.models import Decision, ResearchRequest
from research.replies import reply_template

request_throttle = Throttle("research-request", limit=10, window=60 * 60)


def _public_organisation(slug: str) -> Organisation:
    organisation = account_selectors.organisation_by_slug(slug)
    if organisation is None or not organisation.is_active:
        raise Http404
    return organisation


@require_http_methods(["GET", "HEAD", "POST"])
def request_form(request: HavenRequest, slug: str) -> HttpResponse:
    organisation = _public_organisation(slug)
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        client = getattr(request, "client_key", "")
        if request_throttle.blocked(client):
            form.add_error(None, _("Many requests were sent from here in the last hour. Please try again later."))
        else:
            request_throttle.hit(client)
            services.request_create(organisation=organisation, language=current_language(), **form.cleaned_data)
            return redirect("research:thanks", slug=slug)
    return render(request, "research/request.html", {"organisation": organisation, "form": form})


@require_safe
def thanks(request: HavenRequest, slug: str) -> HttpResponse:
    return render(request, "research/thanks.html", {"organisation": _public_organisation(slug)})


@require_safe
@organisation_required(Role.ADMIN)
def inbox(request: HavenRequest) -> HttpResponse:
    decision = request.GET.get("decision", "")
    if decision not in Decision.values:
        decision = ""
    found = selectors.requests_of(organisation=request.organisation, decision=decision)
    audit_log(
        actor=staff_user(request),
        action=Action.READ,
        target_type="research.researchrequest",
        target_id="list",
        organisation_id=request.organisation.pk,
    )
    return render(
        request,
        "research/staff/inbox.html",
        {"organisation": request.organisation, "requests": found, "decisions": Decision.choices, "chosen": decision},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@organisation_required(Role.ADMIN)
def triage(request: HavenRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(ResearchRequest, pk=pk)
    user = staff_user(request)
    form = TriageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if "template" in request.POST:
            filled = request.POST.copy()
            filled["reply"] = reply_template(
                decision=data["decision"],
                language=found.language,
                name=found.name,
                organisation=request.organisation.name,
            )
            form = TriageForm(filled)
        else:
            try:
                services.request_decide(actor=user, request=found, decision=data["decision"], reply=data["reply"])
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The decision is saved and the reply is on its way."))
                return redirect("research:inbox", org=request.organisation.slug)
    audit_log(actor=user, action=Action.READ, target=found)
    return render(
        request, "research/staff/triage.html", {"organisation": request.organisation, "found": found, "form": form}
    )
