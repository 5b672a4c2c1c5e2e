"""Staff pages of the mailing list: admins of the organisation only."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.access import organisation_required, staff_user
from accounts.models import Role
from core.i18n import missing_languages
from core.types import HavenRequest
from mailing import services
from mailing.forms import NewsletterForm
from mailing.models import Newsletter, NewsletterStatus


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _newsletter(request: HavenRequest, newsletter_id: str) -> Newsletter:
    try:
        pk = uuid.UUID(newsletter_id)
    except ValueError as exc:
        raise Http404 from exc
    found = Newsletter.objects.filter(pk=pk).first()  # inside the organisation's scope
    if found is None:
        raise Http404
    return found


@require_safe
@organisation_required(Role.ADMIN)
def newsletter_list(request: HavenRequest) -> HttpResponse:
    return render(
        request,
        "mailing/staff/list.html",
        {"tenant": request.organisation, "newsletters": list(Newsletter.objects.all())},
    )


def _form(request: HavenRequest, newsletter: Newsletter | None) -> HttpResponse:
    initial = {"segment": "all"}
    if newsletter is not None:
        if newsletter.status != NewsletterStatus.DRAFT:
            return redirect("mailing:staff-detail", org=request.organisation.slug, newsletter_id=newsletter.pk)
        initial = {
            "subject": newsletter.subject,
            "body": newsletter.body,
            "segment": newsletter.segment,
            "language": newsletter.language,
        }
    form = NewsletterForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = services.newsletter_save(
            actor=staff_user(request), organisation=request.organisation, newsletter=newsletter, **form.cleaned_data
        )
        return redirect("mailing:staff-detail", org=request.organisation.slug, newsletter_id=saved.pk)
    return render(request, "mailing/staff/form.html", {"tenant": request.organisation, "form": form})


@require_http_methods(["GET", "HEAD", "POST"])
@organisation_required(Role.ADMIN)
def newsletter_new(request: HavenRequest) -> HttpResponse:
    return _form(request, None)


@require_http_methods(["GET", "HEAD", "POST"])
@organisation_required(Role.ADMIN)
def newsletter_edit(request: HavenRequest, newsletter_id: str) -> HttpResponse:
    return _form(request, _newsletter(request, newsletter_id))


@require_safe
@organisation_required(Role.ADMIN)
def newsletter_detail(request: HavenRequest, newsletter_id: str) -> HttpResponse:
    newsletter = _newsletter(request, newsletter_id)
    draft = newsletter.status == NewsletterStatus.DRAFT
    return render(
        request,
        "mailing/staff/detail.html",
        {
            "tenant": request.organisation,
            "newsletter": newsletter,
            "draft": draft,
            "recipients": len(services.recipients_of(newsletter)) if draft else newsletter.total,
            "missing_subject": missing_languages(newsletter.subject),
            "missing_body": missing_languages(newsletter.body),
            "refresh": newsletter.status == NewsletterStatus.SENDING,
        },
    )


@require_POST
@organisation_required(Role.ADMIN)
def newsletter_send(request: HavenRequest, newsletter_id: str) -> HttpResponse:
    newsletter = _newsletter(request, newsletter_id)
    count = services.newsletter_send(actor=staff_user(request), newsletter=newsletter, base_url=_base_url(request))
    messages.success(request, _("Sending to %(count)d members.") % {"count": count})
    return redirect("mailing:staff-detail", org=request.organisation.slug, newsletter_id=newsletter.pk)
