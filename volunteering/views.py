"""Public forms (volunteering, internships, vacancies) and the admins' pages that track applications.

Public pages name the organisation by its slug; a deactivated or unknown one is a 404. Staff pages are for the
organisation's admins (``organisation_required(Role.ADMIN)``: outsiders get 404, colleagues without the admin
role 403); every page that shows personal data writes a read to the audit log.
"""

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
from core.scopes import scope
from core.types import HavenRequest
from volunteering import selectors, services
from volunteering.forms import DecisionForm, InternshipForm, SemesterForm, VolunteerForm
from volunteering.models import InternshipApplication, Semester, Status, VolunteerApplication

application_throttle = Throttle("volunteering-application", limit=10, window=60 * 60)


def public_organisation(slug: str) -> Organisation:
    organisation = account_selectors.organisation_by_slug(slug)
    if organisation is None or not organisation.is_active:
        raise Http404
    return organisation


def _throttled(request: HavenRequest, form: VolunteerForm | InternshipForm) -> bool:
    client = getattr(request, "client_key", "")
    if application_throttle.blocked(client):
        form.add_error(None, _("Many applications were sent from here in the last hour. Please try again later."))
        return True
    application_throttle.hit(client)
    return False


@require_http_methods(["GET", "HEAD", "POST"])
def apply(request: HavenRequest, slug: str) -> HttpResponse:
    organisation = public_organisation(slug)
    form = VolunteerForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not _throttled(request, form):
        data = form.cleaned_data
        services.volunteer_apply(
            organisation=organisation,
            name=data["name"],
            email=data["email"],
            areas=data["areas"],
            languages=data["languages"],
            availability=data["availability"],
            about=data["about"],
            language=current_language(),
        )
        return redirect("volunteering:thanks", slug=slug)
    return render(request, "volunteering/apply.html", {"organisation": organisation, "form": form})


@require_safe
def thanks(request: HavenRequest, slug: str) -> HttpResponse:
    return render(request, "volunteering/thanks.html", {"organisation": public_organisation(slug)})


@require_safe
def vacancies(request: HavenRequest, slug: str) -> HttpResponse:
    organisation = public_organisation(slug)
    return render(
        request,
        "volunteering/vacancies.html",
        {"organisation": organisation, "vacancies": selectors.open_semesters(organisation=organisation)},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def internship(request: HavenRequest, slug: str) -> HttpResponse:
    organisation = public_organisation(slug)
    open_ones = selectors.open_semesters(organisation=organisation)
    with scope(organisation=organisation):
        form = InternshipForm(request.POST or None, semesters=[v.semester for v in open_ones])
        if request.method == "POST" and form.is_valid() and not _throttled(request, form):
            data = form.cleaned_data
            try:
                services.internship_apply(
                    organisation=organisation,
                    semester=data["semester"],
                    name=data["name"],
                    email=data["email"],
                    school=data["school"],
                    motivation=data["motivation"],
                    sex_work_experience=data["sex_work_experience"],
                    no_social_assistant_required=data["no_social_assistant_required"],
                    language=current_language(),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect("volunteering:internship-thanks", slug=slug)
        return render(
            request,
            "volunteering/internship.html",
            {"organisation": organisation, "form": form, "vacancies": open_ones},
        )


@require_safe
def internship_thanks(request: HavenRequest, slug: str) -> HttpResponse:
    return render(request, "volunteering/internship_thanks.html", {"organisation": public_organisation(slug)})


# Staff pages ---------------------------------------------------------------------------------------------


@require_safe
@organisation_required(Role.ADMIN)
def dashboard(request: HavenRequest) -> HttpResponse:
    organisation = request.organisation
    status = request.GET.get("status", "")
    applications = selectors.volunteer_applications(organisation=organisation, status=status)
    audit_log(
        actor=staff_user(request),
        action=Action.READ,
        target_type="volunteering.volunteerapplication",
        target_id="list",
        organisation_id=organisation.pk,
    )
    return render(
        request,
        "volunteering/staff/dashboard.html",
        {
            "organisation": organisation,
            "applications": applications,
            "semesters": selectors.semesters(organisation=organisation),
            "statuses": Status.choices,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@organisation_required(Role.ADMIN)
def volunteer_detail(request: HavenRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(VolunteerApplication, pk=pk)
    user = staff_user(request)
    form = DecisionForm(request.POST or None, initial={"status": application.status, "notes": application.notes})
    if request.method == "POST" and form.is_valid():
        services.volunteer_update(
            actor=user, application=application, status=form.cleaned_data["status"], notes=form.cleaned_data["notes"]
        )
        messages.success(request, _("Saved."))
        return redirect("volunteering:volunteer", org=request.organisation.slug, pk=pk)
    audit_log(actor=user, action=Action.READ, target=application)
    return render(
        request,
        "volunteering/staff/volunteer.html",
        {"organisation": request.organisation, "application": application, "form": form},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@organisation_required(Role.ADMIN)
def semester_edit(request: HavenRequest, pk: int | None = None) -> HttpResponse:
    semester = get_object_or_404(Semester, pk=pk) if pk else None
    initial = (
        {
            "starts_on": semester.starts_on,
            "ends_on": semester.ends_on,
            "places": semester.places,
            "published": semester.is_published,
        }
        if semester
        else {}
    )
    form = SemesterForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.semester_save(
                organisation=request.organisation,
                semester=semester,
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                places=data["places"],
                published=data["published"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("volunteering:semester", org=request.organisation.slug, pk=saved.pk)
    applications = (
        selectors.internship_applications(organisation=request.organisation, semester=semester) if semester else []
    )
    if applications:
        audit_log(
            actor=staff_user(request),
            action=Action.READ,
            target_type="volunteering.internshipapplication",
            target_id="list",
            organisation_id=request.organisation.pk,
        )
    return render(
        request,
        "volunteering/staff/semester.html",
        {"organisation": request.organisation, "semester": semester, "form": form, "applications": applications},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@organisation_required(Role.ADMIN)
def internship_detail(request: HavenRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(InternshipApplication, pk=pk)
    user = staff_user(request)
    form = DecisionForm(request.POST or None, initial={"status": application.status, "notes": application.notes})
    if request.method == "POST" and form.is_valid():
        try:
            services.internship_update(
                actor=user,
                application=application,
                status=form.cleaned_data["status"],
                notes=form.cleaned_data["notes"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("volunteering:internship", org=request.organisation.slug, pk=pk)
    audit_log(actor=user, action=Action.READ, target=application)
    return render(
        request,
        "volunteering/staff/internship.html",
        {"organisation": request.organisation, "application": application, "form": form},
    )
