"""Staff pages for events: admins of the organisation (404 to outsiders, 403 to colleagues without the role)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.access import organisation_required, staff_user
from accounts.models import Role
from audit.services import Action, audit_log
from core.types import HavenRequest
from events import selectors, services
from events.forms import EventForm
from events.models import Event


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _event(request: HavenRequest, event_id: str) -> Event:
    event = selectors.event_get(request.organisation, event_id, published_only=False)
    if event is None:
        raise Http404
    return event


@require_safe
@organisation_required(Role.ADMIN)
def event_list(request: HavenRequest) -> HttpResponse:
    return render(
        request,
        "events/staff/list.html",
        {"tenant": request.organisation, "events": selectors.staff_events(request.organisation), "now": timezone.now()},
    )


def _event_form(request: HavenRequest, event: Event | None) -> HttpResponse:
    initial: dict[str, Any] = {"published": True, "capacity": 20}
    if event is not None:
        initial = {
            name: getattr(event, name)
            for name in (
                "kind",
                "title",
                "description",
                "city",
                "address",
                "starts_at",
                "ends_at",
                "capacity",
                "sex_workers_only",
                "published",
            )
        }
        initial["starts_at"] = timezone.localtime(event.starts_at)
        initial["ends_at"] = timezone.localtime(event.ends_at)
    form = EventForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = services.event_save(
            actor=staff_user(request), organisation=request.organisation, event=event, **form.cleaned_data
        )
        messages.success(request, _("The event is saved."))
        return redirect("events:staff-event", org=request.organisation.slug, event_id=saved.pk)
    return render(request, "events/staff/form.html", {"tenant": request.organisation, "form": form, "event": event})


@require_http_methods(["GET", "HEAD", "POST"])
@organisation_required(Role.ADMIN)
def event_new(request: HavenRequest) -> HttpResponse:
    return _event_form(request, None)


@require_http_methods(["GET", "HEAD", "POST"])
@organisation_required(Role.ADMIN)
def event_edit(request: HavenRequest, event_id: str) -> HttpResponse:
    return _event_form(request, _event(request, event_id))


@require_safe
@organisation_required(Role.ADMIN)
def event_detail(request: HavenRequest, event_id: str) -> HttpResponse:
    event = _event(request, event_id)
    audit_log(actor=staff_user(request), action=Action.READ, target=event)
    return render(
        request,
        "events/staff/event.html",
        {
            "tenant": request.organisation,
            "event": event,
            "registrations": selectors.registrations_of(event),
            "places": selectors.places(event),
        },
    )


@require_POST
@organisation_required(Role.ADMIN)
def registration_action(request: HavenRequest, registration_id: str, action: str) -> HttpResponse:
    registration = selectors.registration_get(request.organisation, registration_id)
    if registration is None or action not in ("accept", "cancel"):
        raise Http404
    if action == "accept":
        services.registration_accept(actor=staff_user(request), registration=registration, base_url=_base_url(request))
        messages.success(request, _("The attendance is accepted."))
    else:
        services.registration_cancel(registration=registration, actor=staff_user(request), base_url=_base_url(request))
        messages.success(request, _("The registration is cancelled."))
    return redirect("events:staff-event", org=request.organisation.slug, event_id=registration.event_id)
