"""The trajectory of a case: consent, assessments, plan, contacts, documents, referrals, My plan, follow-up."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.access import reauth_required, staff_user
from cases import selectors, services
from cases.access import case_required
from cases.forms import (
    MAX_UPLOAD_BYTES,
    ActionForm,
    AssessmentForm,
    ConsentForm,
    ContactForm,
    DocumentForm,
    FollowUpForm,
    GoalEditForm,
    GoalForm,
    PlanCodeForm,
    ReferralForm,
)
from cases.models import Case, CaseStatus
from cases.views.common import conflict_message, render_case_form, to_case
from core.clients import Throttle
from core.types import HavenRequest
from lib.uploads import DOCUMENTS, UploadError, clean_upload
from plans.selectors import snapshot_outline

code_by_client = Throttle("cases-plan-code-client", limit=10, window=15 * 60)


def _lang() -> str:
    return (get_language() or "en")[:2]


@case_required
@require_http_methods(["GET", "HEAD", "POST"])
def consent_new(request: HavenRequest, case: Case) -> HttpResponse:
    form = ConsentForm(request.POST if request.method == "POST" else None, lang=_lang())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.consent_record(
                case=case,
                actor=staff_user(request),
                purposes=data["purposes"],
                shared_items=data["shared_items"],
                any_service=data["any_service"],
                services=list(data["services"]),
                note=data["note"],
                given_on=data["given_on"],
                valid_until=data["valid_until"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The consent is recorded."))
            return to_case(case, "consent")
    return render_case_form(
        request,
        case,
        form=form,
        title=_("Record consent"),
        button=_("Record"),
        extra={"lead": _("Read it out with the person. Nothing is shared beyond what they agree to here.")},
    )


@case_required
@require_POST
def consent_withdraw(request: HavenRequest, case: Case, pk: int) -> HttpResponse:
    consent = case.consents.filter(pk=pk, withdrawn_on__isnull=True).first()
    if consent is None:
        raise Http404
    services.consent_withdraw(consent=consent, actor=staff_user(request))
    messages.success(request, _("The consent is withdrawn. Nothing more is shared on it."))
    return to_case(case, "consent")


@case_required
@require_http_methods(["GET", "HEAD", "POST"])
def assessment_new(request: HavenRequest, case: Case) -> HttpResponse:
    form = AssessmentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_create(
                case=case,
                actor=staff_user(request),
                assessed_on=form.cleaned_data["assessed_on"],
                note=form.cleaned_data["note"],
                needs=form.needs(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The assessment is saved."))
            return to_case(case, "needs")
    return render(request, "cases/assessment.html", {"organisation": request.organisation, "case": case, "form": form})


@case_required
@require_http_methods(["GET", "HEAD", "POST"])
def goal_new(request: HavenRequest, case: Case) -> HttpResponse:
    form = GoalForm(request.POST if request.method == "POST" else None, initial={"domain": request.GET.get("domain")})
    if request.method == "POST" and form.is_valid():
        services.goal_create(
            case=case, actor=staff_user(request), domain=form.cleaned_data["domain"], title=form.cleaned_data["title"]
        )
        messages.success(request, _("The goal is added."))
        return to_case(case, "plan")
    return render_case_form(request, case, form=form, title=_("Add a goal"), button=_("Add"))


@case_required
@require_http_methods(["GET", "HEAD", "POST"])
def goal_edit(request: HavenRequest, case: Case, pk: int) -> HttpResponse:
    goal = case.goals.select_related("domain").filter(pk=pk).first()
    if goal is None:
        raise Http404
    initial = {"version": goal.version, "domain": goal.domain.slug, "title": goal.title, "status": goal.status}
    form = GoalEditForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.goal_update(
                goal=goal,
                actor=staff_user(request),
                expected_version=data["version"],
                domain=data["domain"],
                title=data["title"],
                status=data["status"],
            )
        except services.Conflict:
            form.add_error(None, conflict_message())
        else:
            messages.success(request, _("The goal is saved."))
            return to_case(case, "plan")
    return render_case_form(request, case, form=form, title=_("Edit the goal"), button=_("Save"))


@case_required
@require_http_methods(["GET", "HEAD", "POST"])
def action_new(request: HavenRequest, case: Case, pk: int) -> HttpResponse:
    goal = case.goals.filter(pk=pk).first()
    if goal is None:
        raise Http404
    workers = selectors.case_workers(organisation=request.organisation)
    form = ActionForm(
        request.POST if request.method == "POST" else None,
        workers=workers,
        initial={"owner": str(staff_user(request).pk)},
    )
    if request.method == "POST" and form.is_valid():
        services.action_create(
            goal=goal,
            actor=staff_user(request),
            description=form.cleaned_data["description"],
            owner=form.chosen_owner(),
            due_on=form.cleaned_data["due_on"],
        )
        messages.success(request, _("The action is added. Its owner gets a reminder before the due date."))
        return to_case(case, "plan")
    return render_case_form(request, case, form=form, title=_("Add an action"), button=_("Add"))


@case_required
@require_POST
def action_done(request: HavenRequest, case: Case, pk: int) -> HttpResponse:
    action = case.actions.filter(pk=pk).first()
    if action is None:
        raise Http404
    services.action_mark(action=action, actor=staff_user(request), done=request.POST.get("done") != "0")
    return to_case(case, "plan")


@case_required
@require_http_methods(["GET", "HEAD", "POST"])
def contact_new(request: HavenRequest, case: Case) -> HttpResponse:
    form = ContactForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.contact_log(
            case=case,
            actor=staff_user(request),
            happened_on=data["happened_on"],
            kind=data["kind"],
            minutes=data["minutes"],
            notes=data["notes"],
        )
        messages.success(request, _("The contact is logged."))
        return to_case(case, "contacts")
    return render_case_form(request, case, form=form, title=_("Log a contact"), button=_("Log"))


@case_required
@require_http_methods(["GET", "HEAD", "POST"])
def document_new(request: HavenRequest, case: Case) -> HttpResponse:
    form = DocumentForm(request.POST or None, request.FILES or None) if request.method == "POST" else DocumentForm()
    if request.method == "POST" and form.is_valid():
        try:
            cleaned = clean_upload(form.cleaned_data["file"], kinds=DOCUMENTS, max_bytes=MAX_UPLOAD_BYTES)
        except UploadError as error:
            form.add_error("file", error)
        else:
            services.document_add(
                case=case,
                actor=staff_user(request),
                title=form.cleaned_data["title"],
                data=cleaned.data,
                content_type=cleaned.content_type,
                extension=cleaned.extension,
            )
            messages.success(request, _("The document is stored, encrypted and without hidden details."))
            return to_case(case, "documents")
    return render_case_form(
        request, case, form=form, title=_("Add a document"), button=_("Upload"), extra={"multipart": True}
    )


@case_required
@require_safe
def document_download(request: HavenRequest, case: Case, pk: int) -> HttpResponse:
    document = case.documents.filter(pk=pk).first()
    if document is None:
        raise Http404
    data = services.document_read(document=document, actor=staff_user(request))
    response = HttpResponse(data, content_type=document.content_type)
    response["Content-Disposition"] = f'attachment; filename="document-{document.pk}.{document.extension}"'
    return response


@reauth_required
@case_required
@require_http_methods(["GET", "HEAD", "POST"])
def document_delete(request: HavenRequest, case: Case, pk: int) -> HttpResponse:
    document = case.documents.filter(pk=pk).first()
    if document is None:
        raise Http404
    if request.method == "POST":
        services.document_delete(document=document, actor=staff_user(request))
        messages.success(request, _("The document is deleted."))
        return to_case(case, "documents")
    return render(
        request,
        "cases/confirm.html",
        {
            "organisation": request.organisation,
            "case": case,
            "title": _("Delete this document?"),
            "text": document.title,
            "button": _("Delete"),
        },
    )


@case_required
@require_http_methods(["GET", "HEAD", "POST"])
def referral_new(request: HavenRequest, case: Case) -> HttpResponse:
    form = ReferralForm(request.POST if request.method == "POST" else None, lang=_lang())
    if request.method == "POST" and form.is_valid():
        service = selectors.service_by_pk(form.cleaned_data["service"])
        if service is None:
            form.add_error("service", _("Choose a service from the list."))
        else:
            try:
                services.referral_send(
                    case=case,
                    actor=staff_user(request),
                    service=service,
                    items=form.cleaned_data["items"],
                    message=form.cleaned_data["message"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The referral is sent."))
                return to_case(case, "referrals")
    return render_case_form(
        request,
        case,
        form=form,
        title=_("Refer to a service"),
        button=_("Send the referral"),
        extra={"lead": _("Only what the person's consent covers can be shared, and only with the services it names.")},
    )


@case_required
@require_POST
def referral_withdraw(request: HavenRequest, case: Case, pk: int) -> HttpResponse:
    referral = case.referrals.filter(pk=pk).first()
    if referral is None:
        raise Http404
    services.referral_withdraw(referral=referral, actor=staff_user(request))
    messages.success(request, _("The referral is withdrawn."))
    return to_case(case, "referrals")


@case_required
@require_http_methods(["GET", "HEAD", "POST"])
def plan_attach(request: HavenRequest, case: Case) -> HttpResponse:
    form = PlanCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if code_by_client.blocked(request.client_key):
            form.add_error(None, _("Too many attempts. Wait 15 minutes and try again."))
        else:
            attached = services.plan_attach(case=case, actor=staff_user(request), code=form.cleaned_data["code"])
            if attached is not None:
                messages.success(request, _("The person's plan is attached (read only)."))
                return to_case(case, "my-plan")
            code_by_client.hit(request.client_key)
            form.add_error(
                "code",
                _(
                    "This code does not open a shared plan here. It may be mistyped, expired, stopped by the "
                    "person, or already opened by another organisation."
                ),
            )
    return render_case_form(
        request,
        case,
        form=form,
        title=_("Attach the person's own plan"),
        button=_("Attach"),
        extra={"lead": _("The person makes a share code in My plan. Each opening is shown to them.")},
    )


@case_required
@require_safe
def plan_view(request: HavenRequest, case: Case, pk: int) -> HttpResponse:
    attachment = case.plan_attachments.filter(pk=pk).first()
    if attachment is None:
        raise Http404
    snapshot = services.plan_attachment_open(attachment=attachment, actor=staff_user(request))
    return render(
        request,
        "cases/plan_snapshot.html",
        {
            "organisation": request.organisation,
            "case": case,
            "snapshot": snapshot,
            "sections": snapshot_outline(snapshot.docs) if snapshot else [],
        },
    )


@case_required
@require_http_methods(["GET", "HEAD", "POST"])
def follow_up(request: HavenRequest, case: Case, pk: int) -> HttpResponse:
    found = case.follow_ups.filter(pk=pk).first()
    if found is None or case.status != CaseStatus.CLOSED:
        raise Http404
    form = FollowUpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.follow_up_record(
            follow_up=found,
            actor=staff_user(request),
            status=data["status"],
            returned=data["returned"],
            note=data["note"],
        )
        messages.success(request, _("The check-in is recorded."))
        return to_case(case, "follow-up")
    return render_case_form(
        request,
        case,
        form=form,
        title=_("Check-in after %(months)s months") % {"months": found.months},
        button=_("Save"),
        extra={"lead": _("If the person does not want check-ins, choose 'Declined': no later one is planned.")},
    )
