"""Public event pages: the list, one event with its registration form, the ticket page and the calendar feed."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from accounts.models import Organisation
from accounts.selectors import organisation_by_slug
from core.clients import Throttle
from core.i18n import current_language
from core.types import HavenRequest
from events import ical, selectors, services
from events.forms import RegistrationForm, TicketForm
from events.models import Registration, RegistrationStatus
from members.access import session_member

register_by_client = Throttle("event-register-client", limit=20, window=60 * 60)
ticket_by_client = Throttle("event-ticket-client", limit=20, window=15 * 60)


def _organisation(slug: str) -> Organisation:
    organisation = organisation_by_slug(slug)
    if organisation is None or not organisation.is_active:
        raise Http404
    return organisation


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@require_safe
def event_list(request: HavenRequest, org: str) -> HttpResponse:
    organisation = _organisation(org)
    return render(
        request, "events/list.html", {"organisation": organisation, "events": selectors.upcoming_events(organisation)}
    )


@require_http_methods(["GET", "HEAD", "POST"])
def event_detail(request: HavenRequest, org: str, event_id: str) -> HttpResponse:
    organisation = _organisation(org)
    event = selectors.event_get(organisation, event_id)
    if event is None:
        raise Http404
    member, _expired = session_member(request, organisation)
    initial = {"language": get_language(), "pseudonym": member.pseudonym if member else ""}
    form = RegistrationForm(request.POST or None, initial=initial, sex_workers_only=event.sex_workers_only)
    if request.method == "POST" and form.is_valid():
        if register_by_client.hit(request.client_key) > register_by_client.limit:
            form.add_error(None, _("Too many attempts. Wait 15 minutes and try again."))
        else:
            registered = services.registration_create(
                event=event,
                pseudonym=form.cleaned_data["pseudonym"],
                email=form.cleaned_data["email"],
                language=form.cleaned_data["language"],
                member=member,
                base_url=_base_url(request),
            )
            return _ticket(request, organisation, registered.registration, code=registered.code, new=True)
    return render(
        request,
        "events/detail.html",
        {
            "organisation": organisation,
            "event": event,
            "form": form,
            "places": selectors.places(event),
            "address_visible": selectors.address_visible(event),
            "member": member,
        },
    )


def _ticket(
    request: HttpRequest, organisation: Organisation, registration: Registration, *, code: str, new: bool = False
) -> HttpResponse:
    event = registration.event
    return render(
        request,
        "events/ticket.html",
        {
            "organisation": organisation,
            "event": event,
            "registration": registration,
            "code": code,
            "new": new,
            "address_visible": selectors.address_visible(event, registration),
            "can_cancel": registration.status != RegistrationStatus.CANCELLED,
        },
    )


@csrf_exempt  # the ticket code in the form is the proof; no cookie is needed to use it
@require_http_methods(["GET", "HEAD", "POST"])
def ticket(request: HavenRequest, org: str) -> HttpResponse:
    """Enter the ticket code to see one's place, the address once accepted, and to cancel."""
    organisation = _organisation(org)
    form = TicketForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if ticket_by_client.blocked(request.client_key):
            form.add_error(None, _("Too many attempts. Wait 15 minutes and try again."))
        else:
            registration = selectors.registration_by_ticket(organisation, form.cleaned_data["code"])
            if registration is None:
                ticket_by_client.hit(request.client_key)
                form.add_error("code", _("No registration has this ticket code."))
            else:
                if request.POST.get("action") == "cancel":
                    registration = services.registration_cancel(registration=registration, base_url=_base_url(request))
                return _ticket(request, organisation, registration, code=form.cleaned_data["code"])
    return render(request, "events/ticket_form.html", {"organisation": organisation, "form": form})


@require_safe
def calendar_feed(request: HavenRequest, org: str) -> HttpResponse:
    organisation = _organisation(org)
    body = ical.calendar(
        selectors.upcoming_events(organisation),
        name=organisation.name,
        language=current_language(),
        hidden_address=_("For sex workers only: the address is given to people whose attendance is accepted."),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="events.ics"'
    return response
