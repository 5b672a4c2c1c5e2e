"""Sharing chosen parts with a caseworker, and taking the plan away (JSON and PDF)."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from plans import pdf, services
from plans import session as plan_session
from plans.forms import ShareForm
from plans.models import PartKind, Share
from plans.outline import nice_date, outline
from plans.selectors import parts_read, shares_of, today
from plans.session import plan_access, plan_required

EXPORT_FORMAT = "haven-plan/1"


def _pending_name(share_id: int) -> str:
    return f"share:{share_id}"


@plan_required
@require_http_methods(["GET", "HEAD", "POST"])
def shares(request: HttpRequest) -> HttpResponse:
    access = plan_access(request)
    form = ShareForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            share, code = services.share_create(
                space=access.space,
                key=access.key,
                sections=form.cleaned_data["sections"],
                days=form.cleaned_data["days"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            plan_session.pending_put(request, access, _pending_name(share.pk), code)
            return redirect("plans:share-code", share_id=share.pk)
    labels = dict(PartKind.choices)
    rows = [
        {
            "row": row,
            "labels": [labels[kind] for kind in row.sections],
            "created": nice_date(row.created),
            "views": [
                {"date": nice_date(view.viewed_on.isoformat()), "name": view.organisation_name} for view in row.views
            ],
        }
        for row in shares_of(space=access.space, key=access.key)
    ]
    return render(request, "plans/shares.html", {"form": form, "rows": rows})


@plan_required
@require_safe
def share_code(request: HttpRequest, share_id: int) -> HttpResponse:
    """The share code, shown once: it is the only key to the snapshot, and the server forgets it now."""
    access = plan_access(request)
    share = Share.objects.filter(space=access.space, pk=share_id).first()
    code = plan_session.pending_get(request, access, _pending_name(share_id))
    if share is None or code is None:
        return redirect("plans:shares")
    plan_session.pending_pop(request, _pending_name(share_id))
    return render(request, "plans/share_code.html", {"code": code, "share": share})


@plan_required
@require_POST
def share_revoke(request: HttpRequest, share_id: int) -> HttpResponse:
    access = plan_access(request)
    if services.share_revoke(space=access.space, share_id=share_id):
        messages.success(request, _("The share is stopped. Nobody can open it any more."))
    return redirect("plans:shares")


@plan_required
@require_safe
def export(request: HttpRequest) -> HttpResponse:
    return render(request, "plans/export.html")


@plan_required
@require_safe
def export_json(request: HttpRequest) -> HttpResponse:
    access = plan_access(request)
    docs = parts_read(space=access.space, key=access.key)
    shared = [
        {
            "created": row.created,
            "expires": row.share.expires_on.isoformat(),
            "sections": row.sections,
            "status": row.status,
            "organisation": row.share.organisation.name if row.share.organisation else None,
            "views": [
                {"date": view.viewed_on.isoformat(), "organisation": view.organisation_name} for view in row.views
            ],
        }
        for row in shares_of(space=access.space, key=access.key)
    ]
    body = {
        "format": EXPORT_FORMAT,
        "exported": today().isoformat(),
        "parts": {kind: doc.data for kind, doc in docs.items()},
        "shares": shared,
    }
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="my-plan.json"'
    return response


@plan_required
@require_safe
def export_pdf(request: HttpRequest) -> HttpResponse:
    access = plan_access(request)
    docs = parts_read(space=access.space, key=access.key)
    sections = [section for section in outline({k: d.data for k, d in docs.items()}) if section.entries]
    intro = [
        _("Exported on %(date)s. Keep this file somewhere only you can open.")
        % {"date": nice_date(today().isoformat())}
    ]
    if not sections:
        intro.append(_("Your plan is still empty."))
    response = HttpResponse(pdf.render(_("My plan"), intro, sections), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="my-plan.pdf"'
    return response
