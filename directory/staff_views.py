"""Staff pages: organisation staff (admin or editor of the owning organisation) keep their listings current;
platform admins link listings to organisations and handle what has no owner.

Access: ``organisation_required`` answers 404 to outsiders and 403 to members without the admin or editor
role (caseworkers and moderators read the public pages like everyone else). Listings are looked up within
the organisation, so another organisation's listing does not exist here.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts import selectors as account_selectors
from accounts.access import organisation_required, organisations_of, platform_admin_required, staff_required, staff_user
from accounts.models import Organisation, Role
from core.i18n import pick
from core.types import HavenRequest
from directory import selectors, services
from directory.forms import OrganizationForm, PhoneFormSet, ScheduleFormSet, ServiceForm
from directory.models import Organization, Service, Suggestion

EDITING_ROLES = (Role.ADMIN, Role.EDITOR)


def _tenant(request: HavenRequest) -> Organisation:
    return request.organisation


@staff_required
def manage(request: HavenRequest) -> HttpResponse:
    user = staff_user(request)
    organisations = organisations_of(user, roles=EDITING_ROLES)
    if len(organisations) == 1 and not user.is_platform_admin:
        return redirect("directory:dashboard", org=organisations[0].slug)
    return render(request, "directory/staff/manage.html", {"organisations": organisations})


@organisation_required(*EDITING_ROLES)
def dashboard(request: HavenRequest) -> HttpResponse:
    tenant = _tenant(request)
    return render(
        request,
        "directory/staff/dashboard.html",
        {
            "tenant": tenant,
            "listings": selectors.owned_organizations(tenant),
            "suggestions": selectors.open_suggestions(owner=tenant),
            "done": selectors.recently_done_suggestions(owner=tenant),
            "stale": selectors.stale_listings(owner=tenant),
        },
    )


@organisation_required(*EDITING_ROLES)
def stale(request: HavenRequest) -> HttpResponse:
    tenant = _tenant(request)
    return render(
        request,
        "directory/staff/stale.html",
        {"tenant": tenant, "stale": selectors.stale_listings(owner=tenant), "cutoff": selectors.stale_cutoff()},
    )


def _phone_initial(owner: Organization | Service) -> list[dict[str, Any]]:
    return [{"id": p.pk, "number": p.number, "description": p.description} for p in owner.phones.all()]  # type: ignore[attr-defined]


def _edit_organization(request: HavenRequest, listing: Organization, back: str) -> HttpResponse:
    initial = {
        "name": listing.name,
        "description": listing.description,
        "website": listing.website,
        "email": listing.email,
        "last_verified": listing.last_verified,
    }
    data = request.POST if request.method == "POST" else None
    form = OrganizationForm(data, initial=initial)
    phones = PhoneFormSet(data, initial=_phone_initial(listing), prefix="phones")
    if request.method == "POST" and form.is_valid() and phones.is_valid():
        services.organization_update(
            organization=listing, actor=staff_user(request), phones=phones.inputs(), **form.cleaned_data
        )
        messages.success(request, _("Saved. The public page shows the change now."))
        return redirect(back)
    return render(
        request,
        "directory/staff/organization_edit.html",
        {"form": form, "phones": phones, "listing": listing, "back": back},
    )


def _edit_service(request: HavenRequest, listing: Service, back: str) -> HttpResponse:
    places = [(str(p.pk), pick(p.location.name).text) for p in listing.service_at_locations.select_related("location")]  # type: ignore[attr-defined]
    document = listing.required_documents.first()  # type: ignore[attr-defined]
    initial = {
        "name": listing.name,
        "description": listing.description,
        "how_to_reach": listing.how_to_reach,
        "eligibility": listing.eligibility,
        "documents": document.document if document else {},
        "cost": listing.cost,
        "status": listing.status,
        "domains": list(listing.domains.all()),
        "attributes": list(listing.attributes.all()),
        "languages": ", ".join(listing.languages.values_list("code", flat=True)),  # type: ignore[attr-defined]
        "website": listing.website,
        "email": listing.email,
        "last_verified": listing.last_verified,
    }
    schedule_initial = [
        {
            "id": s.pk,
            "days": s.days,
            "opens_at": s.opens_at,
            "closes_at": s.closes_at,
            "place": str(s.service_at_location_id or ""),
            "notes": s.notes,
        }
        for s in listing.schedules.all()  # type: ignore[attr-defined]
    ]
    data = request.POST if request.method == "POST" else None
    form = ServiceForm(data, initial=initial)
    phones = PhoneFormSet(data, initial=_phone_initial(listing), prefix="phones")
    schedules = ScheduleFormSet(data, initial=schedule_initial, prefix="schedules", places=places)
    if request.method == "POST" and form.is_valid() and phones.is_valid() and schedules.is_valid():
        services.service_update(
            service=listing,
            actor=staff_user(request),
            values=form.values(),
            domains=list(form.cleaned_data["domains"]),
            attributes=list(form.cleaned_data["attributes"]),
            languages=form.cleaned_data["languages"],
            phones=phones.inputs(),
            schedules=schedules.inputs(),
        )
        messages.success(request, _("Saved. The public page shows the change now."))
        return redirect(back)
    return render(
        request,
        "directory/staff/service_edit.html",
        {"form": form, "phones": phones, "schedules": schedules, "listing": listing, "back": back},
    )


@organisation_required(*EDITING_ROLES)
@require_http_methods(["GET", "HEAD", "POST"])
def organization_edit(request: HavenRequest, slug: str) -> HttpResponse:
    tenant = _tenant(request)
    listing = get_object_or_404(Organization, slug=slug, owner=tenant)
    back = reverse("directory:dashboard", kwargs={"org": tenant.slug})
    return _edit_organization(request, listing, back)


@organisation_required(*EDITING_ROLES)
@require_http_methods(["GET", "HEAD", "POST"])
def service_edit(request: HavenRequest, slug: str) -> HttpResponse:
    tenant = _tenant(request)
    listing = get_object_or_404(Service.objects.select_related("organization"), slug=slug, organization__owner=tenant)
    back = reverse("directory:dashboard", kwargs={"org": tenant.slug})
    return _edit_service(request, listing, back)


def _listing(kind: str, slug: str, owner: Organisation | None) -> Organization | Service:
    if kind == "organisation":
        found: Organization | Service | None = Organization.objects.filter(slug=slug, owner=owner).first()
    elif kind == "service":
        found = Service.objects.select_related("organization").filter(slug=slug, organization__owner=owner).first()
    else:
        found = None
    if found is None:
        raise Http404
    return found


@organisation_required(*EDITING_ROLES)
@require_POST
def verify(request: HavenRequest, kind: str, slug: str) -> HttpResponse:
    tenant = _tenant(request)
    services.listing_verify(listing=_listing(kind, slug, tenant), actor=staff_user(request))
    messages.success(request, _("Marked as checked today."))
    return redirect("directory:dashboard", org=tenant.slug)


@organisation_required(*EDITING_ROLES)
@require_POST
def suggestion_done(request: HavenRequest, pk: int) -> HttpResponse:
    tenant = _tenant(request)
    suggestion = get_object_or_404(selectors.open_suggestions(owner=tenant), pk=pk)
    services.suggestion_done(suggestion=suggestion, actor=staff_user(request))
    messages.success(request, _("Marked as done."))
    return redirect("directory:dashboard", org=tenant.slug)


# --- Platform admins ---------------------------------------------------------------------------------------


@platform_admin_required
@require_http_methods(["GET", "HEAD", "POST"])
def platform(request: HavenRequest) -> HttpResponse:
    if request.method == "POST":
        listing = get_object_or_404(Organization, slug=request.POST.get("listing", ""))
        owner_slug = request.POST.get("owner", "")
        owner = get_object_or_404(account_selectors.active_organisations(), slug=owner_slug) if owner_slug else None
        services.owner_set(organization=listing, owner=owner, actor=staff_user(request))
        messages.success(request, _("Saved who keeps %(listing)s current.") % {"listing": pick(listing.name).text})
        return redirect("directory:platform")
    return render(
        request,
        "directory/staff/platform.html",
        {
            "listings": Organization.objects.select_related("owner").order_by("slug"),
            "organisations": account_selectors.active_organisations(),
            "suggestions": selectors.open_suggestions(owner=None),
            "done": selectors.recently_done_suggestions(owner=None),
            "stale": [item for item in selectors.stale_listings() if _owner_id(item) is None],
        },
    )


def _owner_id(listing: Organization | Service) -> int | None:
    return listing.owner_id if isinstance(listing, Organization) else listing.organization.owner_id


@platform_admin_required
@require_http_methods(["GET", "HEAD", "POST"])
def platform_organization_edit(request: HavenRequest, slug: str) -> HttpResponse:
    listing = get_object_or_404(Organization, slug=slug, owner__isnull=True)
    return _edit_organization(request, listing, reverse("directory:platform"))


@platform_admin_required
@require_http_methods(["GET", "HEAD", "POST"])
def platform_service_edit(request: HavenRequest, slug: str) -> HttpResponse:
    listing = get_object_or_404(
        Service.objects.select_related("organization"), slug=slug, organization__owner__isnull=True
    )
    return _edit_service(request, listing, reverse("directory:platform"))


@platform_admin_required
@require_POST
def platform_verify(request: HavenRequest, kind: str, slug: str) -> HttpResponse:
    services.listing_verify(listing=_listing(kind, slug, None), actor=staff_user(request))
    messages.success(request, _("Marked as checked today."))
    return redirect("directory:platform")


@platform_admin_required
@require_POST
def platform_suggestion_done(request: HavenRequest, pk: int) -> HttpResponse:
    suggestion = get_object_or_404(Suggestion.objects.filter(pk__in=selectors.open_suggestions(owner=None)), pk=pk)
    services.suggestion_done(suggestion=suggestion, actor=staff_user(request))
    messages.success(request, _("Marked as done."))
    return redirect("directory:platform")
